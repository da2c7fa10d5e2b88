import { SHARE_MATCHES } from '@/lib/sites/hosts';
import { startGuardOnce } from '@/lib/content/start';

export default defineContentScript({
  matches: SHARE_MATCHES,
  // The share dialogs live in iframes: Drive/Docs `…/sharing/driveshare`, SharePoint
  // `/_layouts/15/sharedialog.aspx` (docs/sites.md#onedrive-and-sharepoint); capture listeners go in before
  // the page's (docs/sites.md#content-script-registration).
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    startGuardOnce(ctx, 'share');
  },
});
