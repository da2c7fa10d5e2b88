import { startGuard } from '@/lib/guard';
import { CHAT_MATCHES } from '@/lib/sites/hosts';
import { adapterForHost, hostOfOrigin } from '@/lib/sites/registry';
import { createMessageBackend } from '../webmail.content/backend';
import { createUiHost } from '../webmail.content/ui-host';

/** Set while a guard runs in this frame's isolated world, so a second injection stands down. */
const RUNNING = Symbol.for('matterguard.chat.guard');
type Marked = typeof globalThis & { [RUNNING]?: true };

/**
 * The chat family's content script: Slack, Teams and Google Chat (SITES 2.3-2.5, 3.1). Every
 * frame: Google Chat runs in chat.google.com iframes inside Gmail, Teams parts in iframes.
 */
export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  main(ctx) {
    const adapter = adapterForHost(hostOfOrigin(self.origin));
    const scope = globalThis as Marked;
    if (!adapter || scope[RUNNING]) return;
    scope[RUNNING] = true;
    ctx.onInvalidated(() => delete scope[RUNNING]);
    startGuard({ adapter, backend: createMessageBackend(adapter.id), ui: createUiHost(ctx), signal: ctx.signal });
  },
});
