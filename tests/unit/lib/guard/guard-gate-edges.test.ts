// @vitest-environment happy-dom
import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { addRecipient, composeRoot, setBody, userClick, userKey } from '@/tests/helpers/gmail-fixture';
import {
  bodyOf,
  CLIENT,
  compose,
  gate,
  OUTSIDER,
  press,
  sendAnyway,
  sendButton,
  useGuard,
} from '@/tests/helpers/guard';

/** The send gate's hard cases: stale scans, an absent background, block mode, page scripts. */

const t = useGuard();

describe('a send the latest scan does not cover yet', () => {
  it('is held until the scan is current, then released once when it is clean', async () => {
    const root = await compose(t, CLIENT, 'Hello');
    t.backend.holdScans = true;
    setBody(root, 'Acme Holdings, as discussed.');
    userClick(sendButton(root)); // before the mutation is even observed
    expect(t.gmail.sent).toEqual([]);
    t.backend.holdScans = false;
    t.backend.release();
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
    expect(t.gmail.sent[0]).toMatchObject({ body: 'Acme Holdings, as discussed.', via: 'button' });
    expect(t.ui.dialog()).toBeNull();
  });

  it('asks when the fresh scan finds a warning', async () => {
    const root = await compose(t, OUTSIDER, 'Hello');
    setBody(root, 'Re 12345-0001');
    userKey(bodyOf(root), 'Enter', { ctrlKey: true });
    const dialog = await gate(t);
    expect(dialog.getByRole('alertdialog').textContent).toContain('12345-0001');
    expect(t.gmail.sent).toEqual([]);
  });

  it('shows the error rather than sending unchecked when the background stays away', async () => {
    t.backend.failures = 1_000;
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, OUTSIDER);
    setBody(root, 'Acme Holdings');
    userClick(sendButton(root));
    const dialog = await gate(t);
    expect(dialog.getByRole('alertdialog').textContent).toContain('could not check this message');
    expect(dialog.queryByRole('button', { name: 'Send anyway' })).toBeNull();
    press(dialog.getByRole('button', { name: 'Go back' }));
    await t.guard.settled();
    expect(t.gmail.sent).toEqual([]);
  });

  it('retries a background that is restarting, then decides', async () => {
    t.backend.failures = 2;
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, CLIENT);
    setBody(root, 'Acme Holdings');
    userClick(sendButton(root));
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
    expect(t.ui.dialog()).toBeNull();
  });
});

describe('in block mode', () => {
  it('offers only Go back for a block-severity client, and logs blocked', async () => {
    t.backend.config_ = { ...t.backend.config_, mode: 'block' };
    const root = await compose(t, OUTSIDER, 'Project Nightjar heads of terms attached.');
    userClick(sendButton(root));
    const dialog = await gate(t);
    expect(dialog.queryByRole('button', { name: 'Send anyway' })).toBeNull();
    expect(dialog.getByRole('alertdialog').textContent).toMatch(/does not allow sending this/);
    press(dialog.getByRole('button', { name: 'Go back' }));
    await t.guard.settled();
    expect(t.gmail.sent).toEqual([]);
    expect(t.backend.records.map((r) => r.action)).toEqual(['blocked']);
  });

  it('still lets the user override a warning that is not blocking', async () => {
    t.backend.config_ = { ...t.backend.config_, mode: 'block' };
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    userClick(sendButton(root));
    await sendAnyway(t, /client asked/);
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
  });
});

describe("a page script's events", () => {
  function synthetic(root: HTMLElement): void {
    sendButton(root).click();
    for (const type of ['mousedown', 'mouseup', 'click'])
      sendButton(root).dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
    bodyOf(root).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
    );
  }

  it('never send a warned message nor open the dialog', async () => {
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    synthetic(root);
    await t.guard.settled();
    expect(t.gmail.sent).toEqual([]);
    expect(t.ui.dialog()).toBeNull();
    expect(t.backend.records).toEqual([]);
  });

  it('cannot answer the dialog', async () => {
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    userClick(sendButton(root));
    const dialog = await gate(t);
    fireEvent.change(dialog.getByRole('combobox', { name: 'Reason' }), { target: { value: 'client-authorised' } });
    fireEvent.click(dialog.getByRole('checkbox', { name: /^I understand/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Send anyway' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Go back' }));
    synthetic(root);
    await t.guard.settled();
    expect(t.ui.dialog()).not.toBeNull();
    expect(t.gmail.sent).toEqual([]);
    expect(t.backend.records).toEqual([]);
  });

  it('go through for a clean message, as other extensions send', async () => {
    const root = await compose(t, CLIENT, 'Lunch on Friday?');
    sendButton(root).click();
    expect(t.gmail.sent).toMatchObject([{ trusted: false, via: 'button' }]);
  });
});
