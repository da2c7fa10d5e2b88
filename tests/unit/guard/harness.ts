import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { startGuard, type Guard } from '../../../lib/guard';
import { gmailAdapter } from '../../../lib/sites/gmail/adapter';
import { addRecipient, composeRoot, loadGmail, setBody, trusted, type GmailFixture } from '../sites/gmail-fixture';
import { MemoryBackend } from './memory-backend';
import { TestUi } from './test-ui';

/** A fresh Gmail fixture with the guard running on it, per test; the background in memory. */
export interface GuardTest {
  gmail: GmailFixture;
  backend: MemoryBackend;
  ui: TestUi;
  guard: Guard;
  stop: AbortController;
}

export const OUTSIDER = 'kestrel.outside@gmail.com';
export const CLIENT = 'counsel@acme.example';

export function useGuard(): GuardTest {
  const t = {} as GuardTest;
  beforeEach(() => {
    t.gmail = loadGmail();
    t.backend = new MemoryBackend();
    t.ui = new TestUi();
    t.stop = new AbortController();
    t.guard = startGuard({ adapter: gmailAdapter, backend: t.backend, ui: t.ui, signal: t.stop.signal, retryDelays: [0, 0] });
  });
  afterEach(() => {
    t.stop.abort();
    t.gmail.stop();
  });
  return t;
}

export const sendButton = (root: HTMLElement) => root.querySelector<HTMLElement>('div[role=button].T-I.T-I-atl')!;
export const bodyOf = (root: HTMLElement) => root.querySelector<HTMLElement>('[g_editable=true]')!;
/** A user's click on our UI (inside the shadow root). */
export const press = (el: Element) => fireEvent(el, trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));

/** A new compose with one recipient and this body, scanned. */
export async function compose(t: GuardTest, recipient: string, html: string): Promise<HTMLElement> {
  const root = composeRoot(t.gmail.openCompose());
  addRecipient(root, recipient);
  setBody(root, html);
  await t.guard.settled();
  return root;
}

/** The gate dialog, once it shows. */
export async function gate(t: GuardTest) {
  const container = await waitFor(() => {
    const found = t.ui.dialog();
    if (!found) throw new Error('no dialog yet');
    return found;
  });
  return within(container);
}

/** Fills the dialog as a user would and presses Send anyway. */
export async function sendAnyway(t: GuardTest, reason: RegExp, details?: string): Promise<void> {
  const dialog = await gate(t);
  const select = dialog.getByRole<HTMLSelectElement>('combobox', { name: 'Reason' });
  const option = [...select.options].find((o) => reason.test(o.text))!;
  fireEvent.change(select, { target: { value: option.value } });
  if (details) fireEvent.input(dialog.getByRole('textbox', { name: /^Details/ }), { target: { value: details } });
  fireEvent.click(dialog.getByRole('checkbox', { name: /^I understand/ }));
  press(dialog.getByRole('button', { name: 'Send anyway' }));
}
