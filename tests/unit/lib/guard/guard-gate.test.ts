// @vitest-environment happy-dom
import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { trusted, userClick, userKey } from '@/tests/helpers/gmail-fixture';
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

/** The send gate on the Gmail fixture (docs/design.md#send-gate, contract): held sends, Go back, Send anyway, audit. */

const t = useGuard();

describe('a send at warn level', () => {
  it('is held; Go back sends nothing, keeps the draft and logs went-back', async () => {
    const root = await compose(t, OUTSIDER, 'We act for Acme Holdings on 12345-0001.');
    userClick(sendButton(root));
    const dialog = await gate(t);
    expect(t.gmail.sent).toEqual([]);
    expect(dialog.getByRole('alertdialog', { name: 'Matterguard: check before sending' }).textContent).toContain(
      'Acme Holdings Ltd',
    );
    press(dialog.getByRole('button', { name: 'Go back' }));
    await t.guard.settled();
    expect(t.ui.dialog()).toBeNull();
    expect(t.gmail.sent).toEqual([]);
    expect(root.isConnected).toBe(true);
    expect(t.backend.records.map((r) => [r.action, r.level, r.surface])).toEqual([['went-back', 'warn', 'compose']]);
  });

  it('Esc is Go back', async () => {
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    userKey(bodyOf(root), 'Enter', { ctrlKey: true });
    const dialog = await gate(t);
    fireEvent(
      dialog.getByRole('alertdialog'),
      trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })),
    );
    await t.guard.settled();
    expect(t.ui.dialog()).toBeNull();
    expect(t.gmail.sent).toEqual([]);
    expect(t.backend.records.map((r) => r.action)).toEqual(['went-back']);
  });

  it('Send anyway logs the override first, then sends exactly once', async () => {
    const root = await compose(t, OUTSIDER, 'We act for Acme Holdings on 12345-0001.');
    userClick(sendButton(root));
    t.backend.holdRecords = true;
    await sendAnyway(t, /^Other/, 'Counsel at gmail.com is instructed by the client');
    await waitFor(() => expect(t.backend.waiting).toBe(1));
    // The log write is still under way: nothing has gone out.
    expect(t.gmail.sent).toEqual([]);
    t.backend.release();
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
    expect(t.gmail.sent[0]).toMatchObject({
      to: [OUTSIDER],
      via: 'button',
      body: 'We act for Acme Holdings on 12345-0001.',
    });
    expect(root.isConnected).toBe(false);
    expect(t.ui.dialog()).toBeNull();
    expect(t.backend.records).toEqual([
      expect.objectContaining({
        site: 'gmail',
        surface: 'compose',
        action: 'override',
        level: 'warn',
        reasonCode: 'other',
        reason: 'Other (explain below): Counsel at gmail.com is instructed by the client',
        recipients: [OUTSIDER],
      }),
    ]);
    expect(t.backend.records[0]!.matches.map((m) => m.matchedText)).toEqual(['Acme Holdings', '12345-0001']);
    await t.guard.settled();
    expect(t.gmail.sent).toHaveLength(1);
  });

  it('keeps the dialog open with the error if the override cannot be logged, and sends nothing', async () => {
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    userClick(sendButton(root));
    await gate(t);
    t.backend.failures = 3; // every attempt of the retry fails
    await sendAnyway(t, /client asked/);
    const dialog = await gate(t);
    await waitFor(() => expect(dialog.getByRole('alert').textContent).toMatch(/did not answer.*Nothing was sent/));
    expect(t.gmail.sent).toEqual([]);
    press(dialog.getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
    expect(t.backend.records.map((r) => r.action)).toEqual(['override']);
  });

  it('gates Ctrl+Enter and releases it once by clicking Send', async () => {
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    userKey(bodyOf(root), 'Enter', { ctrlKey: true });
    await gate(t);
    expect(t.gmail.sent).toEqual([]);
    await sendAnyway(t, /client asked/);
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
    await t.guard.settled();
    expect(t.gmail.sent).toHaveLength(1);
  });

  it('gates Schedule send, a menu outside the compose, and schedules once', async () => {
    const other = await compose(t, CLIENT, 'Lunch?');
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    userClick(root.querySelector('[aria-haspopup=true]')!);
    userClick(document.querySelector('[selector=scheduledSend]')!);
    const dialog = await gate(t);
    expect(dialog.getByRole('alertdialog').textContent).toContain('Acme Holdings Ltd');
    expect(t.gmail.sent).toEqual([]);
    await sendAnyway(t, /client asked/);
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
    expect(t.gmail.sent[0]).toMatchObject({ via: 'schedule', to: [OUTSIDER] });
    expect(t.backend.records[0]).toMatchObject({ action: 'override', surface: 'schedule-send' });
    expect(other.isConnected).toBe(true);
  });

  it('holds a press from its first event, and asks only once the click completes it', async () => {
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    const pageSaw = vi.fn();
    for (const type of ['mousedown', 'mouseup']) sendButton(root).addEventListener(type, pageSaw);
    const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
    sendButton(root).dispatchEvent(trusted(new PointerEvent('pointerdown', init)));
    sendButton(root).dispatchEvent(trusted(new MouseEvent('mousedown', init)));
    sendButton(root).dispatchEvent(trusted(new MouseEvent('mouseup', init)));
    await t.guard.settled();
    expect(t.ui.dialog()).toBeNull();
    expect(pageSaw).not.toHaveBeenCalled();
    sendButton(root).dispatchEvent(trusted(new MouseEvent('click', init)));
    await gate(t);
    expect(t.gmail.sent).toEqual([]);
  });

  it('swallows repeated attempts while the dialog is open', async () => {
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    userClick(sendButton(root));
    await gate(t);
    userClick(sendButton(root));
    userKey(bodyOf(root), 'Enter', { ctrlKey: true });
    await sendAnyway(t, /client asked/);
    await waitFor(() => expect(t.gmail.sent).toHaveLength(1));
    await t.guard.settled();
    expect(t.gmail.sent).toHaveLength(1);
    expect(t.ui.dialog()).toBeNull();
  });
});

describe('no dialog', () => {
  it('at notice level: the send goes through at once, untouched', async () => {
    const root = await compose(t, CLIENT, 'Acme Holdings');
    userClick(sendButton(root));
    // Decided synchronously, inside the click: no waiting.
    expect(t.gmail.sent).toMatchObject([{ via: 'button', trusted: true }]);
    expect(t.ui.dialog()).toBeNull();
    expect(t.backend.records).toEqual([]);
  });

  it('in audit mode: the send goes through at once and one audited record is written', async () => {
    t.backend.config_ = { ...t.backend.config_, mode: 'audit' };
    const root = await compose(t, OUTSIDER, 'Acme Holdings');
    await t.guard.settled();
    userClick(sendButton(root));
    expect(t.gmail.sent).toMatchObject([{ via: 'button', trusted: true }]);
    await t.guard.settled();
    expect(t.ui.dialog()).toBeNull();
    expect(t.backend.records.map((r) => [r.action, r.level])).toEqual([['audited', 'warn']]);
  });
});

it('the page listeners never see the held events', async () => {
  const root = await compose(t, OUTSIDER, 'Acme Holdings');
  const seen = vi.fn();
  document.addEventListener('click', seen, true);
  document.addEventListener('keydown', seen, true);
  userClick(sendButton(root));
  userKey(bodyOf(root), 'Enter', { ctrlKey: true });
  expect(seen).not.toHaveBeenCalled();
  document.removeEventListener('click', seen, true);
  document.removeEventListener('keydown', seen, true);
});
