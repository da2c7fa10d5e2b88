import type { OverrideRecord } from '../../lib/log/types';
import { batchSize, HEC_BATCH } from '../../lib/log/hec';
import type { CollectorState, MatterguardDb } from '../../lib/db/db';
import { recordsBySeq } from '../../lib/db/log-query';

/*
 * The collector's outbox (docs/design.md#central-collection): rows are added with their record, in appendRecord's
 * transaction, and removed only after the collector accepted them. Everything here reads or
 * writes IndexedDB, so it survives the worker being killed and the browser restarting.
 */

export const INITIAL_COLLECTOR_STATE: CollectorState = {
  failures: 0,
  nextAttemptAt: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
};

export async function pendingCount(db: MatterguardDb): Promise<number> {
  return db.outbox.count();
}

/** The oldest queued records that fit one POST (HEC_BATCH). */
export async function nextBatch(db: MatterguardDb, limits = HEC_BATCH): Promise<OverrideRecord[]> {
  const rows = await db.outbox.orderBy('seq').limit(limits.maxRecords).toArray();
  const records = await recordsBySeq(
    db,
    rows.map((r) => r.seq),
  );
  // A queued seq whose record is gone cannot be sent; dropping the row keeps the queue moving
  // (the missing record itself shows up when the chain is verified).
  const found = new Set(records.map((r) => r.seq));
  const orphans = rows.filter((r) => !found.has(r.seq)).map((r) => r.seq);
  if (orphans.length > 0) await db.outbox.bulkDelete(orphans);
  return records.slice(0, batchSize(records, limits));
}

/** Removes delivered records from the outbox (only after the collector answered 2xx). */
export async function markDelivered(db: MatterguardDb, seqs: number[]): Promise<void> {
  await db.outbox.bulkDelete(seqs);
}

export async function readCollectorState(db: MatterguardDb): Promise<CollectorState> {
  const row = await db.state.get('collector');
  return row?.key === 'collector' ? row.value : INITIAL_COLLECTOR_STATE;
}

export async function writeCollectorState(db: MatterguardDb, value: CollectorState): Promise<void> {
  await db.state.put({ key: 'collector', value });
}
