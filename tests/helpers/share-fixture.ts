import type { ComposeSurface, SendIntent, SiteAdapter } from '@/lib/sites/types';
import { mountFixture, readFixture, trusted, userClick as click, userKey } from './fixture-page';

export { trusted, userKey };

/**
 * Loads one share fixture page (`page` and its `scripts`, paths under tests/fixtures: the same
 * files the end-to-end tests serve at the real host) into happy-dom; see ../fixture-loader.ts.
 */
export function loadFixture<T>(url: string, page: string, scripts: string[]): T {
  return mountFixture<T>(url, readFixture(page, scripts));
}

/** A user's click as these share tests have always sent it: pointerdown, mousedown, mouseup, click. */
export function userClick(el: Element): void {
  click(el, ['pointerdown', 'mousedown', 'mouseup', 'click']);
}

/** Types `text` into an input or textarea (value + input event), as typing or pasting would. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  el.value = text;
  el.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' })));
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
