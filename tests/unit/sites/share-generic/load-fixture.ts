import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComposeSurface, SendIntent, SiteAdapter } from '../../../../lib/sites/types';

/**
 * Loads one share fixture page (the same file the end-to-end tests serve at the real host) into
 * happy-dom and runs its page scripts. happy-dom loads no subresources here, so the stylesheet
 * and script tags are dropped and each script is run directly, in order.
 */
const FIXTURES = resolve(__dirname, '../../../fixtures');

type HappyWindow = Window & { happyDOM: { setURL(url: string): void } };

export function loadFixture<T>(url: string, page: string, scripts: string[]): T {
  const html = readFileSync(resolve(FIXTURES, page), 'utf8')
    .replace(/<script\b[^>]*><\/script>/g, '')
    .replace(/<link\b[^>]*>/g, '');
  (window as unknown as HappyWindow).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // Head and body one by one: happy-dom refuses to swap the document element itself.
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  for (const script of scripts) {
    // The page script runs as a page's <script> would, in the (happy-dom) window's global scope.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function(readFileSync(resolve(FIXTURES, script), 'utf8'))();
  }
  return (window as unknown as { __fixture: T }).__fixture;
}

/** Marks an event as the user's own, as the browser does for real input (happy-dom has no isTrusted). */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A user's click: pointerdown, mousedown, mouseup, click, as Chromium dispatches them. */
export function userClick(el: Element): void {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  el.dispatchEvent(trusted(new PointerEvent('pointerdown', init)));
  el.dispatchEvent(trusted(new MouseEvent('mousedown', init)));
  el.dispatchEvent(trusted(new MouseEvent('mouseup', init)));
  el.dispatchEvent(trusted(new MouseEvent('click', init)));
}

export function userKey(el: Element, key: string, mods: KeyboardEventInit = {}): KeyboardEvent {
  const event = trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...mods }));
  el.dispatchEvent(event);
  return event;
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
export function intentOf(adapter: SiteAdapter, el: HTMLElement, event: Event, surface: ComposeSurface): SendIntent | null {
  const seen: { intent: SendIntent | null } = { intent: null };
  const ask = (e: Event) => {
    seen.intent = adapter.sendIntent(e, surface);
    e.stopImmediatePropagation();
  };
  window.addEventListener(event.type, ask, { capture: true, once: true });
  el.dispatchEvent(event);
  return seen.intent;
}
