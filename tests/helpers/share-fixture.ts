import type { ComposeSurface, SendIntent, SiteAdapter } from '@/lib/sites/types';
import { typeInto, userClick as click, userKey } from './fixture-page';

/** One loader and one way of typing for every fixture page (fixture-page.ts). */
export { loadFixture, trusted, typeInto, userKey } from './fixture-page';

/** A user's click as these share tests have always sent it: pointerdown, mousedown, mouseup, click. */
export function userClick(el: Element): void {
  click(el, ['pointerdown', 'mousedown', 'mouseup', 'click']);
}

/** Types an address in the people input and commits it with Enter, as a user would. */
export function invite(input: HTMLInputElement, address: string): void {
  typeInto(input, address);
  userKey(input, 'Enter');
}

/**
 * What `adapter` says of `event` while it is dispatched on `el`, asked as the guard asks (in the
 * capture phase at window); the event is then stopped there, as the guard holds a send, so the
 * page's own handler does not run.
 */
export function intentOf(
  adapter: SiteAdapter,
  el: HTMLElement,
  event: Event,
  surface: ComposeSurface,
): SendIntent | null {
  const seen: { intent: SendIntent | null } = { intent: null };
  const ask = (e: Event) => {
    seen.intent = adapter.sendIntent(e, surface);
    e.stopImmediatePropagation();
  };
  window.addEventListener(event.type, ask, { capture: true, once: true });
  el.dispatchEvent(event);
  return seen.intent;
}
