import { startGuard } from '@/lib/guard';
import { SHARE_MATCHES } from '@/lib/sites/hosts';
import { adapterForHost, hostOfOrigin } from '@/lib/sites/registry';
// Shared with the webmail family: the same runtime-message backend and closed-shadow UI host.
import { createMessageBackend } from '../webmail.content/backend';
import { createUiHost } from '../webmail.content/ui-host';

/** Set while a guard runs in this frame's isolated world, so a second injection stands down. */
const RUNNING = Symbol.for('matterguard.share.guard');
type Marked = typeof globalThis & { [RUNNING]?: true };

export default defineContentScript({
  matches: SHARE_MATCHES,
  // The share dialogs live in iframes: Drive/Docs `…/sharing/driveshare`, SharePoint
  // `/_layouts/15/sharedialog.aspx` (SITES 2.6); capture listeners go in before the page's (SITES 3.1).
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    // self.origin, not location: an about:blank frame reports its creator's origin only there.
    const adapter = adapterForHost(hostOfOrigin(self.origin));
    const scope = globalThis as Marked;
    if (!adapter || scope[RUNNING]) return;
    scope[RUNNING] = true;
    ctx.onInvalidated(() => delete scope[RUNNING]);
    startGuard({ adapter, backend: createMessageBackend(adapter.id), ui: createUiHost(ctx), signal: ctx.signal });
  },
});
