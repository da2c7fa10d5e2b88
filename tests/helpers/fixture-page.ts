import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * Loads a fixture page (tests/fixtures/…, the same file the end-to-end tests serve at the real
 * host) into happy-dom and runs its page scripts, for the site tests and the loaders beside this
 * file (gmail-fixture.ts, outlook-fixture.ts, chat-fixture.ts). Also the trusted user input those
 * tests dispatch.
 */

const FIXTURES = resolve(__dirname, '../fixtures');

/** A page's markup and its scripts' text, read once. */
export interface FixtureSource {
  html: string;
  scripts: string[];
}

type HappyWindow = Window & { happyDOM: { setURL(url: string): void } };

/**
 * Reads `page` and `scripts` (paths under tests/fixtures). happy-dom loads no subresources
 * here, so the page's stylesheet and script tags are dropped; mountFixture runs the scripts.
 */
export function readFixture(page: string, scripts: string[]): FixtureSource {
  return {
    html: readFileSync(resolve(FIXTURES, page), 'utf8')
      .replace(/<script\b[^>]*><\/script>/g, '')
      .replace(/<link\b[^>]*>/g, ''),
    scripts: scripts.map((script) => readFileSync(resolve(FIXTURES, script), 'utf8')),
  };
}

/** Puts `source` in the document at `url` and runs its scripts in order; returns window.__fixture. */
export function mountFixture<F>(url: string, source: FixtureSource): F {
  (window as unknown as HappyWindow).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(source.html, 'text/html');
  // Head and body one by one: happy-dom refuses to swap the document element itself.
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  for (const script of source.scripts) {
    // The page script runs as a page's <script> would, in the (happy-dom) window's global scope.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function(script)();
  }
  return (window as unknown as { __fixture: F }).__fixture;
}

/** Loads `page` and its `scripts` (paths under tests/fixtures) at `url`; returns window.__fixture. */
export function loadFixture<F>(url: string, page: string, scripts: string[]): F {
  return mountFixture<F>(url, readFixture(page, scripts));
}

/** Marks an event as the user's own, as the browser does for real input (happy-dom has no isTrusted). */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export type ClickStep = 'pointerdown' | 'mousedown' | 'pointerup' | 'mouseup' | 'click';

/** A user's click: by default pointerdown, mousedown, pointerup, mouseup, click, as Chromium dispatches them. */
export function userClick(
  el: Element,
  steps: readonly ClickStep[] = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'],
): void {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  for (const type of steps) {
    el.dispatchEvent(trusted(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init)));
  }
}

/** A user's key press (keydown), dispatched on `el`; returns the event, to see if the page cancelled it. */
export function userKey(el: Element, key: string, mods: KeyboardEventInit = {}): KeyboardEvent {
  const event = trusted(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...mods }),
  );
  el.dispatchEvent(event);
  return event;
}

/**
 * Types `text` as the page would see it, then fires `input`: an input or textarea gets it as its
 * value (typing or pasting), a contenteditable at the end of its last block.
 */
export function typeInto(el: HTMLElement, text: string): void {
  if (el.localName === 'input' || el.localName === 'textarea') (el as HTMLInputElement).value = text;
  else (el.lastElementChild ?? el).append(text);
  el.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' })));
}
