import { CHAT_MATCHES } from '@/lib/sites/hosts';
import { startGuardOnce } from '@/lib/content/start';

/**
 * The chat family's content script: Slack, Teams and Google Chat (docs/sites.md#chat-sites,
 * docs/sites.md#content-script-registration). Every frame: Google Chat runs in chat.google.com
 * iframes inside Gmail, Teams parts in iframes.
 */
export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  main(ctx) {
    startGuardOnce(ctx, 'chat');
  },
});
