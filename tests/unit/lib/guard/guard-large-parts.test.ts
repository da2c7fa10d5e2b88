// @vitest-environment happy-dom
import { waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { extractText } from '@/lib/dom/extract';
import { createScanAssembler, type ScanAssembler } from '@/lib/protocol/scan-assembly';
import { PART_CHARS, type ScanPart, type ScanPartReply } from '@/lib/protocol/scan-parts';
import { userClick } from '@/tests/helpers/gmail-fixture';
import { bodyOf, compose, gate, OUTSIDER, paste, sendButton, useGuard, usePauses } from '@/tests/helpers/guard';
import { MemoryBackend } from '@/tests/helpers/memory-backend';

/**
 * A huge body goes to the background in pieces, each its own message after a pause (a task of
 * its own: docs/design.md#budgets), put back together by the background's real assembler
 * (lib/protocol/scan-assembly.ts) and scanned whole: the notice and the gate are as they were
 * with one message, and a worker that restarts mid-transfer only costs a resend.
 */

/** The message backend in memory: pieces go through the real assembler, whole requests to `scan`. */
class PiecedBackend extends MemoryBackend {
  assembler: ScanAssembler = createScanAssembler({ now: () => 0 });
  pieces: { part: ScanPart; pausesBefore: number }[] = [];
  /** The worker restarts (forgets every transfer) after taking this many pieces. */
  restartAfter = Infinity;
  /** What the page does as a piece goes out (a click, mid-transfer). */
  onPiece: (part: ScanPart) => void = () => undefined;

  async scanPart(part: ScanPart): Promise<ScanPartReply> {
    this.pieces.push({ part, pausesBefore: pauses.count });
    this.onPiece(part);
    const outcome = this.assembler.add({ tab: 1, frame: 0 }, part);
    if (this.pieces.length === this.restartAfter) this.assembler = createScanAssembler({ now: () => 0 });
    if (!outcome.complete) return { done: false };
    return { done: true, answer: await this.scan(outcome.request) };
  }
}

const pauses = usePauses();
const t = useGuard(() => new PiecedBackend());

const prose = 'The parties met to discuss the draft terms of the agreement and the timetable for closing. '.repeat(4);
const sixMegabytes = (last: string) => [
  ...Array.from({ length: Math.ceil(6_000_000 / prose.length) }, () => prose),
  last,
];
const bodyTexts = (): string[] => t.backend.scans.map((s) => s.fields.find((f) => f.name === 'body')?.text ?? '');

describe('a 6 MB body, sent to the background in pieces', () => {
  it('the gate holds a send made mid-transfer and names the client from the last line; each piece in a task of its own', async () => {
    const root = await compose(t, OUTSIDER, 'Short draft.');
    const body = bodyOf(root);
    expect(t.backend.pieces).toEqual([]);
    // The user presses Send while the third piece is on its way.
    t.backend.onPiece = (part) => {
      if (part.index === 2) setTimeout(() => userClick(sendButton(root)), 0);
    };
    paste(body, sixMegabytes('Regards, on behalf of Acme Holdings'));
    await waitFor(() => expect(t.ui.dialog()).not.toBeNull(), { timeout: 30_000 });
    const dialog = await gate(t);
    expect(dialog.getByRole('alertdialog').textContent).toContain('Acme Holdings Ltd');
    expect(t.gmail.sent).toEqual([]);
    await waitFor(() => expect(t.ui.notice(root)?.textContent).toMatch(/Acme Holdings Ltd/));

    const full = extractText(body).text;
    expect(full.length).toBeGreaterThan(6_000_000);
    // The background scanned the whole body, once, and never a part of it.
    expect(bodyTexts().slice(1)).toEqual([full]);
    const parts = t.backend.pieces.map((p) => p.part);
    expect(parts.length).toBe(Math.ceil(full.length / PART_CHARS));
    expect(parts.every((p) => p.text.length <= PART_CHARS)).toBe(true);
    // A pause before every piece: none shares a task with the reading or with another piece.
    const before = t.backend.pieces.map((p) => p.pausesBefore);
    expect(before.every((n, i) => n > (before[i - 1] ?? 0))).toBe(true);
  }, 60_000);

  it('a worker restart mid-transfer: the transfer fails, is sent again whole, and the notice is still right', async () => {
    const root = await compose(t, OUTSIDER, 'Short draft.');
    const body = bodyOf(root);
    t.backend.restartAfter = 3;
    paste(body, sixMegabytes('Regards, re Project Falcon'));
    await t.guard.settled();
    await waitFor(() => expect(t.ui.notice(root)?.textContent).toMatch(/Acme Holdings Ltd/));
    expect(t.ui.notice(root)?.textContent).toContain('Project Falcon');
    const count = Math.ceil(extractText(body).text.length / PART_CHARS);
    // Three pieces taken, the fourth refused by the restarted worker, then all of them again.
    expect(t.backend.pieces.map((p) => p.part.index)).toEqual([
      0,
      1,
      2,
      3,
      ...Array.from({ length: count }, (_, i) => i),
    ]);
    expect(bodyTexts().slice(1)).toEqual([extractText(body).text]);
  }, 60_000);
});
