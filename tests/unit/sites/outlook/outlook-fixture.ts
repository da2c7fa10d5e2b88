import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads tests/fixtures/outlook (the page the end-to-end tests serve at outlook.office.com) into
 * happy-dom and runs its page script, as tests/unit/sites/gmail-fixture.ts does for Gmail.
 */
const DIR = resolve(__dirname, '../../../fixtures/outlook');
const HTML = readFileSync(resolve(DIR, 'index.html'), 'utf8')
  .replace(/<script\b[^>]*><\/script>/g, '')
  .replace(/<link\b[^>]*>/g, '');
const SCRIPT = readFileSync(resolve(DIR, 'fixture.js'), 'utf8');

export interface OutlookSent {
  composeId: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  attachments: string[];
  via: 'button' | 'shortcut' | 'schedule';
  trusted: boolean;
}

export interface OutlookFixture {
  sent: OutlookSent[];
  openCompose(): string;
  openReply(): string;
  attach(id: string, name: string): void;
  stop(): void;
}

type HappyWindow = Window & { happyDOM: { setURL(url: string): void }; __fixture: OutlookFixture };

export function loadOutlook(url = 'https://outlook.office.com/mail/'): OutlookFixture {
  const win = window as unknown as HappyWindow;
  win.happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(HTML, 'text/html');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function(SCRIPT)();
  return win.__fixture;
}

/** The fixture's own element for a compose (the adapter never uses data-fixture-id). */
export function fixtureCompose(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-fixture-id="${id}"]`);
  if (!el) throw new Error(`No compose ${id}`);
  return el;
}

/** Types addresses in a well and commits them with Enter, as a user would. */
export function addRecipient(compose: HTMLElement, address: string, label: 'To' | 'Cc' | 'Bcc' = 'To'): void {
  const well = compose.querySelector<HTMLElement>(`[contenteditable=true][aria-label="${label}"]`)!;
  well.append(document.createTextNode(address));
  well.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
}
