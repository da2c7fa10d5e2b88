import { WEBMAIL_MATCHES } from '@/lib/sites/hosts';
import { startGuardOnce } from '@/lib/content/start';

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  // Capture listeners registered before the page's own, in every frame and about:blank pop-out
  // (docs/sites.md#content-script-registration).
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    startGuardOnce(ctx, 'webmail');
  },
});
