import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@/lib/log/chain';
import { allRecords, appendRecord, listRecords, MatterguardDb } from '@/lib/db/db';
import { unchainedRecords } from '@/tests/helpers/log-records';

let db: MatterguardDb;
beforeEach(() => {
  db = new MatterguardDb();
});
afterEach(async () => {
  await db.delete();
});

describe('the override log database', () => {
  it('is IndexedDB "matterguard" with the log, its search facets, the outbox and small state', async () => {
    await db.open();
    expect(db.name).toBe('matterguard');
    expect(db.tables.map((t) => t.name)).toEqual(['records', 'facets', 'outbox', 'state']);
  });

  it('writes a record, its facets and (with a collector) its outbox row together', async () => {
    const [a, b] = unchainedRecords(2);
    await appendRecord(db, a!);
    const second = await appendRecord(db, b!, { queue: true });
    expect(await db.facets.toCollection().primaryKeys()).toEqual([1, 2]);
    expect(await db.outbox.toArray()).toEqual([{ seq: 2, id: second.id, queuedAt: second.at }]);
  });

  it('writes nothing at all when the append fails half-way', async () => {
    const [first] = unchainedRecords(1);
    await appendRecord(db, first!, { queue: true });
    // Same id again: the records table refuses it, so neither facets nor outbox may change.
    await expect(appendRecord(db, first!, { queue: true })).rejects.toThrow();
    expect([await db.records.count(), await db.facets.count(), await db.outbox.count()]).toEqual([1, 1, 1]);
  });

  it('appends records as a valid chain', async () => {
    for (const u of unchainedRecords(4)) await appendRecord(db, u);
    const all = await allRecords(db);
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(await verifyChain(all)).toEqual({ ok: true, count: 4 });
  });

  it('keeps one chain when many appends race', async () => {
    await Promise.all(unchainedRecords(25).map((u) => appendRecord(db, u)));
    const all = await allRecords(db);
    expect(all).toHaveLength(25);
    expect(await verifyChain(all)).toEqual({ ok: true, count: 25 });
  });

  it('keeps every record when the database is opened again', async () => {
    for (const u of unchainedRecords(3)) await appendRecord(db, u);
    db.close();
    const reopened = new MatterguardDb();
    expect(await reopened.records.count()).toBe(3);
    reopened.close();
  });

  it('refuses a second record with an existing id', async () => {
    const [first] = unchainedRecords(1);
    await appendRecord(db, first!);
    await expect(appendRecord(db, first!)).rejects.toThrow();
    expect(await verifyChain(await allRecords(db))).toEqual({ ok: true, count: 1 });
  });

  it('pages the log newest first with the total', async () => {
    for (const u of unchainedRecords(7)) await appendRecord(db, u);
    const first = await listRecords(db, 0, 3);
    const last = await listRecords(db, 6, 3);
    expect(first.records.map((r) => r.id)).toEqual(['rec-7', 'rec-6', 'rec-5']);
    expect(last.records.map((r) => r.id)).toEqual(['rec-1']);
    expect([first.total, last.total]).toEqual([7, 7]);
  });
});
