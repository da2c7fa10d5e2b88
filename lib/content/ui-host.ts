import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { UiHost, UiMount } from './types';

/**
 * Matterguard's in-page UI lives in CLOSED shadow roots (docs/design.md#closed-to-the-page): the page's scripts see an
 * empty <matterguard-ui> element and nothing of what it says beyond what is on screen.
 */
const NAME = 'matterguard-ui';
// Keys typed in our dialog must not reach the page's own shortcut handlers (Gmail's "c", "e"…).
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'];

export function createUiHost(ctx: ContentScriptContext): UiHost {
  return {
    async inline(anchor, css): Promise<UiMount> {
      const ui = await createShadowRootUi(ctx, {
        name: NAME,
        position: 'inline',
        anchor,
        append: 'before',
        mode: 'closed',
        css,
        isolateEvents: ISOLATED_EVENTS,
        onMount: () => undefined,
      });
      ui.mount();
      return { container: ui.uiContainer, host: ui.shadowHost, remove: () => ui.remove() };
    },
    async modal(css): Promise<UiMount> {
      const ui = await createShadowRootUi(ctx, {
        name: NAME,
        position: 'modal',
        // Above everything the page stacks, Gmail's own dialogs included.
        zIndex: 2_147_483_647,
        anchor: document.documentElement,
        append: 'last',
        mode: 'closed',
        css,
        isolateEvents: ISOLATED_EVENTS,
        onMount: () => undefined,
      });
      ui.mount();
      return { container: ui.uiContainer, host: ui.shadowHost, remove: () => ui.remove() };
    },
  };
}
