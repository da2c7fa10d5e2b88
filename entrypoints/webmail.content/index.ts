import { startGuard } from '@/lib/guard';
import { WEBMAIL_MATCHES } from '@/lib/sites/hosts';
import { adapterForHost, hostOfOrigin } from '@/lib/sites/registry';
import { createMessageBackend } from './backend';
import { createUiHost } from './ui-host';

/** Set while a guard runs in this frame's isolated world, so a second injection stands down. */
const RUNNING = Symbol.for('matterguard.webmail.guard');
type Marked = typeof globalThis & { [RUNNING]?: true };

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  // Capture listeners registered before the page's own, in every frame and about:blank pop-out (SITES 3.1).
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    // self.origin, not location: an about:blank pop-out reports its opener's origin only there.
    const adapter = adapterForHost(hostOfOrigin(self.origin));
    const scope = globalThis as Marked;
    if (!adapter || scope[RUNNING]) return;
    scope[RUNNING] = true;
    ctx.onInvalidated(() => delete scope[RUNNING]);
    startGuard({ adapter, backend: createMessageBackend(adapter.id), ui: createUiHost(ctx), signal: ctx.signal });
  },
});
