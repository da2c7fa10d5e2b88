import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainRecord, GENESIS_HASH, hashRecord, verifyChain } from '@/lib/log/chain';
import type { OverrideRecord } from '@/lib/log/types';
import { unchainedRecords } from '@/tests/helpers/log-records';

async function chainOf(n: number): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  for (const u of unchainedRecords(n)) out.push(await chainRecord(u, out.at(-1) ?? null));
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 'x', y: null }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[3,1,{"y":null,"z":"x"}]},"b":1}',
    );
  });
  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: [2] })).toBe(canonicalJson({ y: [2], x: 1 }));
  });
});

describe('chainRecord', () => {
  it('starts the log at seq 1 after the genesis hash', async () => {
    const [first] = await chainOf(1);
    expect(first!.seq).toBe(1);
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links each record to the one before it', async () => {
    const [a, b, c] = await chainOf(3);
    expect([b!.seq, b!.prevHash, c!.seq, c!.prevHash]).toEqual([2, a!.hash, 3, b!.hash]);
  });

  it('hashes SHA-256 over the previous hash and the canonical record without its hash', async () => {
    const [record] = await chainOf(1);
    const { hash, ...rest } = record!;
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalJson(rest))
      .digest('hex');
    expect(hash).toBe(expected);
    expect(await hashRecord(rest)).toBe(expected);
  });
});

describe('verifyChain', () => {
  it('accepts an untouched log and an empty one', async () => {
    expect(await verifyChain(await chainOf(5))).toEqual({ ok: true, count: 5 });
    expect(await verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  type Tamper = (log: OverrideRecord[]) => Promise<OverrideRecord[]> | OverrideRecord[];
  it.each<[string, Tamper, number, RegExp]>([
    [
      'an edited reason',
      (log) => log.map((r, i) => (i === 2 ? { ...r, reason: 'nothing to see' } : r)),
      2,
      /changed after it was written/,
    ],
    [
      'an edited match',
      (log) => log.map((r, i) => (i === 1 ? { ...r, matches: [] } : r)),
      1,
      /changed after it was written/,
    ],
    [
      'an edited record whose hash was recomputed',
      async (log) => {
        const { hash: _old, ...rest } = { ...log[2]!, user: 'someone.else@harrowvale.example' };
        const rehashed = { ...rest, hash: await hashRecord(rest) };
        return log.map((r, i) => (i === 2 ? rehashed : r));
      },
      3,
      /does not link/,
    ],
    ['a deleted record', (log) => log.filter((_, i) => i !== 2), 2, /deleted, inserted or moved/],
    ['a deleted first record', (log) => log.slice(1), 0, /deleted, inserted or moved/],
    [
      'a deleted record with the rest renumbered',
      (log) => log.filter((_, i) => i !== 2).map((r, i) => ({ ...r, seq: i + 1 })),
      2,
      /does not link/,
    ],
    ['two records swapped', (log) => [log[0]!, log[2]!, log[1]!, log[3]!, log[4]!], 1, /deleted, inserted or moved/],
    [
      'an inserted record',
      async (log) => {
        // A well-formed record chained after record 2: only the records after it can expose it.
        const forged = await chainRecord({ ...unchainedRecords(1)[0]!, id: 'forged' }, log[1]!);
        return [...log.slice(0, 2), forged, ...log.slice(2)];
      },
      3,
      /deleted, inserted or moved/,
    ],
  ])('detects %s', async (_name, tamper, index, problem) => {
    const log = await chainOf(5);
    const tampered = await tamper(log);
    const verdict = await verifyChain(tampered);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.index).toBe(index);
    expect(verdict.id).toBe(tampered[index]!.id);
    expect(verdict.problem).toMatch(problem);
  });
});
