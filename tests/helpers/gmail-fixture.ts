import type { SentMessage } from '@/tests/e2e/gmail/gmail-page';
import { mountFixture, readFixture, trusted, userKey } from './fixture-page';

export { trusted, userClick, userKey } from './fixture-page';
/** What the fixture records for each send (the same record the end-to-end page object reads). */
export type { SentMessage };

/**
 * Loads tests/fixtures/gmail (the same page the end-to-end tests serve at mail.google.com) into
 * happy-dom and runs its page script (see fixture-page.ts).
 */
const GMAIL = readFixture('gmail/index.html', ['gmail/fixture.js']);

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';

export interface GmailFixture {
  sent: SentMessage[];
  openCompose(opts?: { to?: string[]; subject?: string }): string;
  attach(composeId: string, name: string): void;
  /** Stops the page script's document listeners (before loading it again). */
  stop(): void;
}

export function loadGmail(url = GMAIL_URL): GmailFixture {
  return mountFixture<GmailFixture>(url, GMAIL);
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
