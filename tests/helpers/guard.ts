import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { createGuardUi } from '@/lib/content/guard-ui';
import { startGuard, type Guard } from '@/lib/guard';
import { gmailAdapter } from '@/lib/sites/gmail/adapter';
import { addRecipient, composeRoot, loadGmail, setBody, trusted, type GmailFixture } from './gmail-fixture';
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

/** The guard on a fresh Gmail fixture per test, its background `makeBackend()` (in memory by default). */
export function useGuard<B extends MemoryBackend = MemoryBackend>(
  makeBackend: () => B = () => new MemoryBackend() as B,
): GuardTest & { backend: B } {
  const t = {} as GuardTest & { backend: B };
  beforeEach(() => {
    t.gmail = loadGmail();
    t.backend = makeBackend();
    t.ui = new TestUi();
    t.stop = new AbortController();
    t.guard = startGuard({
      adapter: gmailAdapter,
      backend: t.backend,
      ui: createGuardUi(t.ui),
      signal: t.stop.signal,
      retryDelays: [0, 0],
    });
  });
  afterEach(() => {
    t.stop.abort();
    t.gmail.stop();
  });
  return t;
}

/** The pauses of sliced work in a test: how many there were, and what the page does at the next ones. */
export interface Pauses {
  /** Run one per pause, in order: what the page does while the guard is paused (a click, a keystroke). */
  next: (() => void)[];
  count: number;
}

/**
 * Slices that end on a clock moving one step per look (never on real time), and pauses that are
 * each a new task, through the `scheduler.yield()` the guard uses when the browser has it.
 */
export function usePauses(): Pauses {
  const pauses: Pauses = { next: [], count: 0 };
  beforeEach(() => {
    pauses.next = [];
    pauses.count = 0;
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
    vi.stubGlobal('scheduler', {
      yield: () => {
        pauses.count += 1;
        pauses.next.shift()?.();
        return new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return pauses;
}

/** Replaces the body with `lines` paragraphs, as a paste does, and fires `input`. */
export function paste(body: HTMLElement, lines: string[]): void {
  body.replaceChildren(...lines.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
  body.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

export const sendButton = (root: HTMLElement) => root.querySelector<HTMLElement>('div[role=button].T-I.T-I-atl')!;
export const bodyOf = (root: HTMLElement) => root.querySelector<HTMLElement>('[g_editable=true]')!;
/** A user's click on our UI (inside the shadow root). */
export const press = (el: Element) =>
  fireEvent(el, trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));

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
