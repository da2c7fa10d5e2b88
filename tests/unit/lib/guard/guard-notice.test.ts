// @vitest-environment happy-dom
import { within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { addRecipient, composeRoot, setBody, trusted, userClick } from '@/tests/helpers/gmail-fixture';
import { CLIENT, OUTSIDER, useGuard } from '@/tests/helpers/guard';

/** Live scanning and the inline notice, on the Gmail fixture, with the background in memory. */

const t = useGuard();

/** Lets every pending microtask (mutation records included) run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function noticeText(root: HTMLElement): string {
  const container = t.ui.notice(root);
  if (!container) return '(no notice)';
  return within(container).getByRole('status', { name: 'Matterguard' }).textContent ?? '';
}

describe('the inline notice', () => {
  it('follows the text and the recipients of the compose', async () => {
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, CLIENT);
    setBody(root, 'We act for <b>Acme</b> Holdings on matter 12345-0001.');
    await t.guard.settled();
    expect(noticeText(root)).toMatch(/^Notice/);
    expect(noticeText(root)).toContain('Acme Holdings Ltd — matter 12345-0001 · all recipients are at acme.example');

    addRecipient(root, OUTSIDER);
    await t.guard.settled();
    expect(noticeText(root)).toMatch(/^Warning/);
    expect(noticeText(root)).toContain('recipient gmail.com is outside acme.example');

    userClick(root.querySelector(`[aria-label="Remove ${OUTSIDER}"]`)!);
    addRecipient(root, 'legal@beta.example');
    await t.guard.settled();
    expect(noticeText(root)).toMatch(/^Critical/);

    setBody(root, '<br>');
    await t.guard.settled();
    expect(noticeText(root)).toBe('');
  });

  it('reads text split across formatting as one phrase, and never rewrites the editor', async () => {
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, OUTSIDER);
    const html = '<div>We act for <b>Acme</b> Hold<i>ings</i></div><div>on 12345-0001.</div>';
    const body = setBody(root, html);
    await t.guard.settled();
    expect(t.backend.scans.at(-1)!.fields.find((f) => f.name === 'body')!.text).toBe(
      'We act for Acme Holdings\non 12345-0001.\n',
    );
    expect(noticeText(root)).toContain('“Acme Holdings”, “12345-0001”');
    expect(body.innerHTML).toBe(html);
  });

  it('scans the subject and attachment names, and says where a match is when it cannot be highlighted', async () => {
    const id = t.gmail.openCompose();
    const root = composeRoot(id);
    addRecipient(root, OUTSIDER);
    const subject = root.querySelector<HTMLInputElement>('input[name=subjectbox]')!;
    subject.value = 'Project Falcon: next steps';
    subject.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true })));
    t.gmail.attach(id, '12345-0001 disclosure.xlsx');
    await t.guard.settled();
    const scanned = t.backend.scans.at(-1)!;
    expect(scanned.fields).toContainEqual({ name: 'subject', text: 'Project Falcon: next steps' });
    expect(scanned.fields).toContainEqual({ name: 'attachment', text: '12345-0001 disclosure.xlsx' });
    expect(noticeText(root)).toContain('in the subject and an attachment name');
  });

  it('keeps two composes apart', async () => {
    const acme = composeRoot(t.gmail.openCompose());
    const other = composeRoot(t.gmail.openCompose());
    addRecipient(acme, OUTSIDER);
    setBody(acme, 'Acme Holdings board pack.');
    addRecipient(other, CLIENT);
    setBody(other, 'Lunch on Friday?');
    await t.guard.settled();
    expect(noticeText(acme)).toMatch(/^Warning.*Acme Holdings Ltd/);
    expect(noticeText(other)).toBe('');
    expect(
      t.backend.scans.find((s) => s.recipients.includes(CLIENT) && s.fields.some((f) => f.text.includes('Acme'))),
    ).toBeUndefined();
  });

  it('scans a burst of changes once in flight, then once more with the latest text', async () => {
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, OUTSIDER);
    await t.guard.settled();
    const before = t.backend.scans.length;
    t.backend.holdScans = true;
    setBody(root, 'Acme');
    await vi.waitFor(() => expect(t.backend.waiting).toBe(1));
    for (const text of ['Acme Hol', 'Acme Holdi', 'Acme Holdings']) {
      setBody(root, text);
      await nextTask(); // each change observed on its own, as keystrokes are
    }
    expect(t.backend.scans.length - before).toBe(1);
    t.backend.holdScans = false;
    t.backend.release();
    await t.guard.settled();
    const bodies = t.backend.scans.slice(before).map((s) => s.fields.find((f) => f.name === 'body')!.text);
    expect(bodies).toEqual(['Acme', 'Acme Holdings']);
    expect(noticeText(root)).toMatch(/^Warning/);
  });

  it('still scans the next change after an event that changed nothing', async () => {
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, OUTSIDER);
    await t.guard.settled();
    root
      .querySelector('input[name=subjectbox]')!
      .dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
    await t.guard.settled();
    setBody(root, 'Acme Holdings');
    await t.guard.settled();
    expect(noticeText(root)).toMatch(/^Warning/);
  });

  it('reports the page state for the badge when it changes', async () => {
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, OUTSIDER);
    setBody(root, 'Acme Holdings');
    await t.guard.settled();
    expect(t.backend.states.at(-1)).toEqual({
      level: 'warn',
      matchCount: 1,
      summary: ['Acme Holdings Ltd — matter 12345-0001'],
    });
    userClick(root.querySelector('.oh')!); // Discard: the compose leaves the page
    await t.guard.settled();
    expect(t.backend.states.at(-1)).toEqual({ level: null, matchCount: 0, summary: [] });
  });

  it('shows nothing while Matterguard is off for the site', async () => {
    t.backend.config_ = { ...t.backend.config_, enabled: false };
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, OUTSIDER);
    setBody(root, 'Acme Holdings');
    await t.guard.settled();
    expect(noticeText(root)).toBe('');
  });

  it('asks nothing of the background on a page (or frame) without a compose', async () => {
    await t.guard.settled();
    expect([t.backend.configCalls, t.backend.scans.length, t.backend.states.length]).toEqual([0, 0, 0]);
  });

  it('takes everything away when stopped', async () => {
    const root = composeRoot(t.gmail.openCompose());
    addRecipient(root, OUTSIDER);
    setBody(root, 'Acme Holdings');
    await t.guard.settled();
    t.stop.abort();
    expect(document.querySelector('matterguard-ui')).toBeNull();
    userClick(root.querySelector('div[role=button].T-I.T-I-atl')!);
    expect(t.gmail.sent).toHaveLength(1);
  });
});
