import { describe, expect, it } from 'vitest';
import { chainRecord, hashRecord } from '@/lib/log/chain';
import type { OverrideRecord } from '@/lib/log/types';
import { describeVerdict, verifySubset, type Located } from '@/lib/log/verify';
import { unchainedRecords } from '@/tests/helpers/log-records';

async function chainOf(n: number): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  for (const u of unchainedRecords(n)) out.push(await chainRecord(u, out.at(-1) ?? null));
  return out;
}

const located = (records: OverrideRecord[]): Located[] =>
  records.map((record, i) => ({ record, where: `row ${i + 2}` }));

async function rehashed(record: OverrideRecord, change: Partial<OverrideRecord>): Promise<OverrideRecord> {
  const { hash: _old, ...rest } = { ...record, ...change };
  return { ...rest, hash: await hashRecord(rest) };
}

describe('verifying part of a log', () => {
  it('accepts the whole log, in any file order, as a complete chain', async () => {
    const log = await chainOf(6);
    const verdict = await verifySubset(located([...log].reverse()));
    expect(verdict).toEqual({ ok: true, count: 6, firstSeq: 1, lastSeq: 6, gaps: 0, links: 5, complete: true });
    expect(describeVerdict(verdict)).toBe(
      'Valid: 6 records, seq 1–6, a complete chain from the first record of the log.',
    );
  });

  it('accepts a filtered subset and says how much it could check', async () => {
    const log = await chainOf(10);
    const subset = [log[1]!, log[2]!, log[5]!, log[8]!, log[9]!];
    const verdict = await verifySubset(located(subset));
    expect(verdict).toEqual({ ok: true, count: 5, firstSeq: 2, lastSeq: 10, gaps: 2, links: 2, complete: false });
    expect(describeVerdict(verdict)).toMatch(
      /^Valid as far as a part of the log can be: 5 records, seq 2–10, with 2 gaps\. .*all 2 adjacent pairs link/,
    );
  });

  type Case = [string, (log: OverrideRecord[]) => Promise<OverrideRecord[]> | OverrideRecord[], string, RegExp];
  it.each<Case>([
    [
      'an edited field',
      (log) => log.map((r) => (r.seq === 3 ? { ...r, reason: 'nothing to see' } : r)),
      'row 4',
      /changed after it was written/,
    ],
    [
      'an edited record rehashed, exposed by its successor',
      async (log) =>
        Promise.all(
          log.map((r) => (r.seq === 3 ? rehashed(r, { user: 'someone.else@harrowvale.example' }) : Promise.resolve(r))),
        ),
      'row 5',
      /does not link to seq 3 \(row 4\)/,
    ],
    [
      'a forged first record',
      async (log) => [await rehashed(log[0]!, { prevHash: 'f'.repeat(64) }), ...log.slice(1)],
      'row 2',
      /genesis/,
    ],
    [
      'a record copied in twice',
      (log) => [...log, log[2]!],
      'row 7',
      /Sequence number 3 appears twice \(also at row 4\)/,
    ],
  ])('names the record at fault: %s', async (_name, tamper, where, problem) => {
    const verdict = await verifySubset(located(await tamper(await chainOf(5))));
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.where).toBe(where);
    expect(verdict.problem).toMatch(problem);
    expect(describeVerdict(verdict)).toMatch(
      new RegExp(`^Broken at ${where} — the record with seq \\d+ \\(id rec-\\d+, 2025-`),
    );
  });

  it('cannot expose a rehashed record that has no neighbour in the file (the documented limit)', async () => {
    const log = await chainOf(9);
    const forged = await rehashed(log[4]!, { reason: 'rewritten later' });
    const verdict = await verifySubset(located([log[0]!, forged, log[8]!]));
    expect(verdict).toMatchObject({ ok: true, gaps: 2, links: 0, complete: false });
  });

  it('accepts an empty file and says so', async () => {
    const verdict = await verifySubset([]);
    expect(verdict).toMatchObject({ ok: true, count: 0, complete: true });
    expect(describeVerdict(verdict)).toBe('Valid, but the file holds no records.');
  });
});
