// @vitest-environment happy-dom
import { waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { extractText } from '@/lib/dom/extract';
import { userClick } from '@/tests/helpers/gmail-fixture';
import { bodyOf, compose, gate, OUTSIDER, paste, sendButton, useGuard, usePauses } from '@/tests/helpers/guard';

/**
 * A huge body is read in slices (issue 3: a 5 MB paste never freezes the page), and the guard
 * still acts only on whole, current text: the gate on a 6 MB body sees a name in its very last
 * line, and typing during the slices never yields a scan of a text that mixes before and after.
 *
 * Slices here end on a clock that moves one step per look (never on real time), and each pause
 * is a new task, through the `scheduler.yield()` the guard uses when the browser has it.
 */

const pauses = usePauses();
const t = useGuard();

const bodyTexts = (): string[] => t.backend.scans.map((s) => s.fields.find((f) => f.name === 'body')?.text ?? '');

describe('a huge body, read in slices', () => {
  it('the gate holds a send made mid-reading and judges the whole 6 MB, down to a name in its last line', async () => {
    const root = await compose(t, OUTSIDER, 'Short draft.');
    const body = bodyOf(root);
    const prose = 'The parties met to discuss the draft terms of the agreement and the timetable for closing. '.repeat(
      4,
    );
    const lines = Array.from({ length: Math.ceil(6_000_000 / prose.length) }, () => prose);
    lines.push('Regards, on behalf of Acme Holdings');
    // The user presses Send while the guard is half-way through reading the paste.
    pauses.next.push(() => setTimeout(() => userClick(sendButton(root)), 0));
    paste(body, lines);
    // Until the gate has asked: the held send's work counts as under way.
    await waitFor(() => expect(t.ui.dialog()).not.toBeNull(), { timeout: 30_000 });

    const dialog = await gate(t);
    expect(pauses.count).toBeGreaterThan(1);
    expect(dialog.getByRole('alertdialog').textContent).toContain('Acme Holdings Ltd');
    expect(t.gmail.sent).toEqual([]);
    // Every scan after the paste had the whole body, never the part read so far.
    const full = extractText(body).text;
    expect(full.length).toBeGreaterThan(6_000_000);
    expect(
      bodyTexts()
        .slice(1)
        .every((text) => text === full),
    ).toBe(true);
    expect(bodyTexts().length).toBeGreaterThan(1);
  });

  it('typing while it is read gives a scan of the text after the typing, never a mix of before and after', async () => {
    const root = await compose(t, OUTSIDER, 'Short draft.');
    const body = bodyOf(root);
    const lines = Array.from({ length: 3_000 }, (_, i) => `Line ${i} of the pasted notes.`);
    // During the second pause the user edits the first line (already read) and the last (not yet).
    pauses.next.push(
      () => undefined,
      () => {
        (body.firstElementChild!.firstChild as Text).data = 'Line 0 about Project Falcon.';
        (body.lastElementChild!.firstChild as Text).data = 'Last line about Acme Holdings.';
        body.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
      },
    );
    paste(body, lines);
    const before = lines.join('\n') + '\n';
    await t.guard.settled();

    expect(pauses.count).toBeGreaterThan(2);
    const after = extractText(body).text;
    expect(after).not.toBe(before);
    const scanned = bodyTexts().slice(1);
    expect(scanned.filter((text) => text !== after)).toEqual([]);
    await waitFor(() => expect(t.ui.notice(root)?.textContent).toMatch(/Acme Holdings Ltd/));
    expect(t.ui.notice(root)?.textContent).toContain('Project Falcon');
  });

  it('a body someone keeps changing is still read whole in the end', async () => {
    const root = await compose(t, OUTSIDER, 'Short draft.');
    const body = bodyOf(root);
    const lines = Array.from({ length: 3_000 }, (_, i) => `Line ${i}.`);
    // Every pause brings another edit, for as long as the guard keeps pausing.
    const edit = (n: number) => () => {
      (body.lastElementChild!.firstChild as Text).data = n === 8 ? 'Signed for Acme Holdings.' : `Edit ${n}.`;
      if (n < 8) pauses.next.push(edit(n + 1));
    };
    pauses.next.push(edit(1));
    paste(body, lines);
    await t.guard.settled();
    const after = extractText(body).text;
    expect(bodyTexts().at(-1)).toBe(after);
    await waitFor(() => expect(t.ui.notice(root)?.textContent).toMatch(/Acme Holdings Ltd/));
  });
});
