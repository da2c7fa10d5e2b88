import type { OutlookSent } from '@/tests/e2e/outlook/outlook-page';
import { mountFixture, readFixture } from './fixture-page';

/** What the fixture records for each send (the same record the end-to-end page object reads). */
export type { OutlookSent };

/**
 * Loads tests/fixtures/outlook (the page the end-to-end tests serve at outlook.office.com) into
 * happy-dom and runs its page script (see fixture-page.ts).
 */
const OUTLOOK = readFixture('outlook/index.html', ['outlook/fixture.js']);

export interface OutlookFixture {
  sent: OutlookSent[];
  openCompose(): string;
  openReply(): string;
  attach(id: string, name: string): void;
  stop(): void;
}

export function loadOutlook(url = 'https://outlook.office.com/mail/'): OutlookFixture {
  return mountFixture<OutlookFixture>(url, OUTLOOK);
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
