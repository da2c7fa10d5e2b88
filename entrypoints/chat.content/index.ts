import { CHAT_MATCHES } from '@/lib/sites/hosts';
import { startGuardOnce } from '@/lib/content/start';

/**
 * The chat family's content script: Slack, Teams and Google Chat (SITES 2.3-2.5, 3.1). Every
 * frame: Google Chat runs in chat.google.com iframes inside Gmail, Teams parts in iframes.
 */
export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  main(ctx) {
    startGuardOnce(ctx, 'chat');
  },
});
