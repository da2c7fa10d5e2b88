import Dexie, { type EntityTable } from 'dexie';
import { chainRecord } from '../log/chain';
import type { OverrideRecord, UnchainedRecord } from '../log/types';

export const DB_NAME = 'matterguard';

/**
 * The one IndexedDB database (STYLE "Storage"), opened only by the background and extension
 * pages, never by content scripts (their IndexedDB would be the web page's).
 *
 * Table `records`: the override log (DESIGN 7), keyed by record id. Indexes are only the plain
 * record fields the log view sorts and filters on; `seq` is unique, so two writers that
 * computed the same next position cannot both succeed.
 *
 * Migrations: add `this.version(2).stores({...})` listing every table again, with an
 * `.upgrade()` that transforms records in place. Never drop or clear `records` in an
 * upgrade, and keep stored fields unchanged (they are covered by the hash chain); new
 * derived data belongs in a new table.
 */
export class MatterguardDb extends Dexie {
  records!: EntityTable<OverrideRecord, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({ records: 'id, &seq, at, user, site, action, level' });
  }
}

/**
 * Appends one record to the log and returns it chained. Reading the last record, hashing and
 * adding happen in ONE read-write transaction, so concurrent appends queue and the chain never
 * forks. `Dexie.waitFor` keeps the transaction alive across the (non-IndexedDB) digest call.
 */
export async function appendRecord(db: MatterguardDb, unchained: UnchainedRecord): Promise<OverrideRecord> {
  return db.transaction('rw', db.records, async () => {
    const last = await db.records.orderBy('seq').last();
    const record = await Dexie.waitFor(chainRecord(unchained, last ?? null));
    await db.records.add(record);
    return record;
  });
}

/** A page of the log, newest first, and how many records there are in all. */
export async function listRecords(db: MatterguardDb, offset: number, limit: number): Promise<{ records: OverrideRecord[]; total: number }> {
  return db.transaction('r', db.records, async () => {
    const [records, total] = await Promise.all([
      db.records.orderBy('seq').reverse().offset(offset).limit(limit).toArray(),
      db.records.count(),
    ]);
    return { records, total };
  });
}

/** The whole log, oldest first: what `verifyChain` and exports read. */
export async function allRecords(db: MatterguardDb): Promise<OverrideRecord[]> {
  return db.records.orderBy('seq').toArray();
}
