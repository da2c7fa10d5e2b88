import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads tests/fixtures/gmail (the same page the end-to-end tests serve at mail.google.com) into
 * happy-dom and runs its page script. happy-dom loads no subresources here, so the stylesheet
 * and script tags are dropped and the script is run directly.
 */
const DIR = resolve(__dirname, '../../fixtures/gmail');
const HTML = readFileSync(resolve(DIR, 'index.html'), 'utf8')
  .replace(/<script\b[^>]*><\/script>/g, '')
  .replace(/<link\b[^>]*>/g, '');
const SCRIPT = readFileSync(resolve(DIR, 'fixture.js'), 'utf8');

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';

export interface SentMessage {
  composeId: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  via: 'button' | 'shortcut' | 'schedule';
  trusted: boolean;
}

export interface GmailFixture {
  sent: SentMessage[];
  openCompose(opts?: { to?: string[]; subject?: string }): string;
  attach(composeId: string, name: string): void;
  /** Stops the page script's document listeners (before loading it again). */
  stop(): void;
}

type HappyWindow = Window & { happyDOM: { setURL(url: string): void }; __fixture: GmailFixture };

export function loadGmail(url = GMAIL_URL): GmailFixture {
  const win = window as unknown as HappyWindow;
  win.happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(HTML, 'text/html');
  // Head and body one by one: happy-dom refuses to swap the document element itself.
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  // The page script runs as a page's <script> would, in the (happy-dom) window's global scope.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function(SCRIPT)();
  return win.__fixture;
}

/** The compose root (div.M9) with this compose id. */
export function composeRoot(id: string): HTMLElement {
  const input = document.querySelector<HTMLInputElement>(`.M9 input[name=composeid][value="${id}"]`);
  const root = [...document.querySelectorAll<HTMLElement>('.M9')].find(
    (m) => m.querySelector<HTMLInputElement>('input[name=composeid]')?.value === id,
  );
  if (!root) throw new Error(`No compose ${id} (${input ? 'attribute' : 'value'} lookup failed)`);
  return root;
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
  el.dispatchEvent(trusted(new PointerEvent('pointerup', init)));
  el.dispatchEvent(trusted(new MouseEvent('mouseup', init)));
  el.dispatchEvent(trusted(new MouseEvent('click', init)));
}

export function userKey(el: Element, key: string, mods: KeyboardEventInit = {}): void {
  el.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...mods })));
}

/** Types an address in a recipient row and commits it with Enter, as a user would. */
export function addRecipient(root: HTMLElement, address: string, row: 'to' | 'cc' | 'bcc' = 'to'): void {
  const input = root.querySelector<HTMLInputElement>(`div[name=${row}] input`)!;
  input.value = address;
  input.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true })));
  userKey(input, 'Enter');
}

/** Replaces the body's content, as typing or pasting would, and fires `input`. */
export function setBody(root: HTMLElement, html: string): HTMLElement {
  const body = root.querySelector<HTMLElement>('[g_editable=true]')!;
  body.innerHTML = html;
  body.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' })));
  return body;
}
