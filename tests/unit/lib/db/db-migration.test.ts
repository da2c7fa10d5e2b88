import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { chainRecord, verifyChain } from '@/lib/log/chain';
import type { OverrideRecord } from '@/lib/log/types';
import { allRecords, appendRecord, MatterguardDb } from '@/lib/db/db';
import { matchingSeqs } from '@/lib/db/log-query';
import { unchainedRecords } from '@/tests/helpers/log-records';

const NAME = 'migration-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A database exactly as version 1 of the extension left it: only `records`, v1 indexes. */
async function writeV1(records: OverrideRecord[]): Promise<void> {
  const v1 = new Dexie(NAME);
  v1.version(1).stores({ records: 'id, &seq, at, user, site, action, level' });
  await v1.table('records').bulkAdd(records);
  v1.close();
}

async function chainOf(n: number): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  for (const [i, u] of unchainedRecords(n).entries()) {
    const client =
      i % 3 === 0 ? { clientName: 'Beta Industries GmbH', clientNumber: 'C-007731', matterNumber: '23456-0001' } : {};
    out.push(await chainRecord({ ...u, matches: u.matches.map((m) => ({ ...m, ...client })) }, out.at(-1) ?? null));
  }
  return out;
}

describe('upgrading the log database from version 1', () => {
  it('keeps every record byte for byte, and the chain still verifies', async () => {
    const before = await chainOf(4_500); // more than one upgrade chunk
    await writeV1(before);

    const db = new MatterguardDb(NAME);
    const after = await allRecords(db);
    expect(db.verno).toBe(2);
    expect(after).toEqual(before);
    expect(await verifyChain(after)).toEqual({ ok: true, count: 4_500 });
    db.close();
  });

  it('indexes the old records so filters find them', async () => {
    await writeV1(await chainOf(30));
    const db = new MatterguardDb(NAME);
    expect(await db.facets.count()).toBe(30);
    const beta = await matchingSeqs(db, { client: 'beta industries' });
    expect(beta).toEqual([28, 25, 22, 19, 16, 13, 10, 7, 4, 1]);
    expect(await matchingSeqs(db, { matter: '12345' })).toHaveLength(20);
    db.close();
  });

  it('continues the same chain after the upgrade', async () => {
    await writeV1(await chainOf(3));
    const db = new MatterguardDb(NAME);
    const next = await appendRecord(db, { ...unchainedRecords(1)[0]!, id: 'after-upgrade' }, { queue: true });
    expect(next.seq).toBe(4);
    expect(await verifyChain(await allRecords(db))).toEqual({ ok: true, count: 4 });
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });

  it('opens an upgraded database again without redoing anything', async () => {
    await writeV1(await chainOf(5));
    const first = new MatterguardDb(NAME);
    await first.open();
    first.close();
    const again = new MatterguardDb(NAME);
    expect([await again.records.count(), await again.facets.count()]).toEqual([5, 5]);
    again.close();
  });
});
