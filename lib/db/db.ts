import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { chainRecord } from '../log/chain';
import { facetsOf, type LogFacets } from '../log/filter';
import type { OverrideRecord, UnchainedRecord } from '../log/types';

export const DB_NAME = 'matterguard';

/**
 * A record waiting for the collector (docs/design.md#central-collection): only its place; the record itself
 * stays in `records`.
 */
export interface OutboxRow {
  seq: number;
  id: string;
  queuedAt: string;
}

/** Delivery state of the collector, kept across worker and browser restarts. */
export interface CollectorState {
  /** Consecutive failed deliveries; 0 after a success. */
  failures: number;
  /** Epoch ms of the next attempt while backing off, null when not waiting. */
  nextAttemptAt: number | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** The last failure in words, null once a delivery succeeds. */
  lastError: string | null;
}

/** A decision the log could not store (e.g. the disk was full), for the options page and popup. */
export interface WriteFailure {
  at: string;
  message: string;
}

export type StateRow =
  | { key: 'collector'; value: CollectorState }
  | { key: 'writeError'; value: WriteFailure }
  /** The collector token typed on the options page (secrets.ts); never in browser.storage. */
  | { key: 'collectorToken'; value: string };

/**
 * The one IndexedDB database (CONTRIBUTING.md#storage), opened only by the background and extension
 * pages, never by content scripts (their IndexedDB would be the web page's).
 *
 * - `records`: the override log (docs/design.md#override-log), keyed by record id; `seq` is unique, so two writers
 *   that computed the same next position cannot both succeed. Append-only: no code path updates
 *   or deletes a record, and stored fields never change (the hash chain covers them).
 * - `facets` (v2): one row per record, keyed by seq, derived by facetsOf(); the indexes every
 *   log filter uses (folded user, clients and matters as multi-entry indexes). Rebuildable from
 *   `records` at any time, so it may change shape in later versions.
 * - `outbox` (v2): records not yet accepted by the collector, keyed by seq (oldest first).
 * - `state` (v2): small key/value rows (the collector's backoff, the last failed write, the
 *   collector token typed on the options page).
 *
 * Migrations: add `this.version(n).stores({...})` and an `.upgrade()`. Never drop or clear
 * `records` or `outbox`, and never rewrite a record; derived data goes in other tables. A failing
 * upgrade aborts and leaves the previous version intact (IndexedDB rolls the version change back).
 */
export class MatterguardDb extends Dexie {
  records!: EntityTable<OverrideRecord, 'id'>;
  facets!: EntityTable<LogFacets, 'seq'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  state!: EntityTable<StateRow, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({ records: 'id, &seq, at, user, site, action, level' });
    this.version(2)
      .stores({
        records: 'id, &seq, at, user, site, action, level',
        facets: 'seq, at, user, site, action, level, *clients, *matters',
        outbox: 'seq',
        state: 'key',
      })
      .upgrade((tx) => indexExistingRecords(tx));
  }
}

const UPGRADE_CHUNK = 2_000;

/** v1 -> v2: facets for every record already written, in chunks (a log may hold 100,000). */
async function indexExistingRecords(tx: Transaction): Promise<void> {
  const records = tx.table<OverrideRecord, string>('records');
  const facets = tx.table<LogFacets, number>('facets');
  let after = 0;
  for (;;) {
    const chunk = await records.where('seq').above(after).limit(UPGRADE_CHUNK).toArray();
    const last = chunk.at(-1);
    if (!last) return;
    await facets.bulkPut(chunk.map(facetsOf));
    after = last.seq;
  }
}

export interface AppendOptions {
  /** Also queue the record for the collector, in the same transaction. */
  queue?: boolean;
}

/**
 * Appends one record to the log and returns it chained. Reading the last record, hashing,
 * adding the record, its facets and (with a collector) its outbox row happen in ONE read-write
 * transaction: concurrent appends queue, the chain never forks, and a worker killed at any
 * moment leaves either all of it or none. `Dexie.waitFor` keeps the transaction alive across the
 * (non-IndexedDB) digest call.
 */
export async function appendRecord(
  db: MatterguardDb,
  unchained: UnchainedRecord,
  options: AppendOptions = {},
): Promise<OverrideRecord> {
  return db.transaction('rw', [db.records, db.facets, db.outbox], async () => {
    const last = await db.records.orderBy('seq').last();
    const record = await Dexie.waitFor(chainRecord(unchained, last ?? null));
    await db.records.add(record);
    await db.facets.add(facetsOf(record));
    if (options.queue) await db.outbox.add({ seq: record.seq, id: record.id, queuedAt: record.at });
    return record;
  });
}

/** A page of the log, newest first, and how many records there are in all. */
export async function listRecords(
  db: MatterguardDb,
  offset: number,
  limit: number,
): Promise<{ records: OverrideRecord[]; total: number }> {
  return db.transaction('r', db.records, async () => {
    const [records, total] = await Promise.all([
      db.records.orderBy('seq').reverse().offset(offset).limit(limit).toArray(),
      db.records.count(),
    ]);
    return { records, total };
  });
}

/** The whole log, oldest first (small logs and tests; large reads go through log-query.ts in chunks). */
export async function allRecords(db: MatterguardDb): Promise<OverrideRecord[]> {
  return db.records.orderBy('seq').toArray();
}
