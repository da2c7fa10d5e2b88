import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startGuard } from '@/lib/guard';
import { adapterForHost, hostOfOrigin } from '@/lib/sites/registry';
import { createMessageBackend } from './backend';
import { createGuardUi } from './guard-ui';
import { createUiHost } from './ui-host';

/**
 * The body of every family's content script (webmail, chat, share): the guard for this frame's
 * site, started once per isolated world. A second injection of the same family stands down.
 */
export function startGuardOnce(ctx: ContentScriptContext, family: 'webmail' | 'chat' | 'share'): void {
  // self.origin, not location: an about:blank frame or pop-out reports its creator's origin only there.
  const adapter = adapterForHost(hostOfOrigin(self.origin));
  const running = Symbol.for(`matterguard.${family}.guard`);
  const scope = globalThis as typeof globalThis & Record<symbol, true | undefined>;
  if (!adapter || scope[running]) return;
  scope[running] = true;
  ctx.onInvalidated(() => delete scope[running]);
  startGuard({
    adapter,
    backend: createMessageBackend(adapter.id),
    ui: createGuardUi(createUiHost(ctx)),
    signal: ctx.signal,
  });
}
