import type { Collection } from 'dexie';
import { facetsMatch, isEmptyFilter, normalizeFilter, type LogFacets, type LogFilter } from '../log/filter';
import type { OverrideRecord } from '../log/types';
import type { MatterguardDb } from './db';

/*
 * Filtered reads of the log (issue 6) that stay fast at 100,000 records: each filter clause is
 * answered by an index of `facets` as a list of primary keys (seq numbers, never whole rows),
 * the lists are intersected, and only the records of the page asked for are read. Text search
 * cannot use an index; it reads the small facet rows of the remaining candidates. The result
 * means exactly what facetsMatch() says (lib/log/filter.ts), which the in-memory twin applies.
 */

export const READ_CHUNK = 5_000;

type Keys = Collection<LogFacets, number, unknown>;

/** One index lookup per clause the filter sets. */
function clauseCollections(db: MatterguardDb, f: LogFilter): Keys[] {
  const out: Keys[] = [];
  if (f.from !== undefined && f.to !== undefined) out.push(db.facets.where('at').between(f.from, f.to, true, false));
  else if (f.from !== undefined) out.push(db.facets.where('at').aboveOrEqual(f.from));
  else if (f.to !== undefined) out.push(db.facets.where('at').below(f.to));
  if (f.user !== undefined) out.push(db.facets.where('user').startsWith(f.user));
  if (f.client !== undefined) out.push(db.facets.where('clients').startsWith(f.client));
  if (f.matter !== undefined) out.push(db.facets.where('matters').startsWith(f.matter));
  if (f.site !== undefined) out.push(db.facets.where('site').equals(f.site));
  if (f.action !== undefined) out.push(db.facets.where('action').equals(f.action));
  if (f.level !== undefined) out.push(db.facets.where('level').equals(f.level));
  return out;
}

function intersect(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  const [smallest, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((l) => new Set(l));
  return [...new Set(smallest)].filter((seq) => sets.every((s) => s.has(seq)));
}

/** Facet rows, oldest first, READ_CHUNK at a time: all of them, or those of `seqs`. */
async function* facetChunks(db: MatterguardDb, seqs: number[] | null): AsyncGenerator<LogFacets[]> {
  if (seqs === null) {
    let after = 0;
    for (;;) {
      const rows = await db.facets.where('seq').above(after).limit(READ_CHUNK).toArray();
      const last = rows.at(-1);
      if (!last) return;
      yield rows;
      after = last.seq;
    }
  }
  const sorted = [...seqs].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += READ_CHUNK) {
    const rows = await db.facets.bulkGet(sorted.slice(i, i + READ_CHUNK));
    yield rows.filter((r): r is LogFacets => r !== undefined);
  }
}

/** The seq numbers a filter selects, newest first; null when the filter selects everything. */
export async function matchingSeqs(db: MatterguardDb, filter: LogFilter): Promise<number[] | null> {
  if (isEmptyFilter(filter)) return null;
  const f = normalizeFilter(filter);
  const clauses = clauseCollections(db, f);
  let seqs: number[] | null =
    clauses.length > 0 ? intersect(await Promise.all(clauses.map((c) => c.primaryKeys()))) : null;
  if (f.text !== undefined) {
    const kept: number[] = [];
    for await (const rows of facetChunks(db, seqs)) {
      for (const row of rows) if (facetsMatch(row, f)) kept.push(row.seq);
    }
    seqs = kept;
  }
  return (seqs ?? []).sort((a, b) => b - a);
}

/**
 * Records by seq, in the order given. Two key lookups (seq -> id through facets, then id ->
 * record) rather than `anyOf` on the seq index, which walks a cursor key by key.
 */
export async function recordsBySeq(db: MatterguardDb, seqs: number[]): Promise<OverrideRecord[]> {
  if (seqs.length === 0) return [];
  const facets = await db.facets.bulkGet(seqs);
  const ids = facets.filter((f): f is LogFacets => f !== undefined).map((f) => f.id);
  const records = await db.records.bulkGet(ids);
  return records.filter((r): r is OverrideRecord => r !== undefined);
}

/** The newest record's place in the chain, null for an empty log. */
export async function logHead(db: MatterguardDb): Promise<{ seq: number; hash: string } | null> {
  const last = await db.records.orderBy('seq').last();
  return last ? { seq: last.seq, hash: last.hash } : null;
}

/**
 * Newest-first records with seq in [from, before): one ascending range read (IndexedDB's
 * getAll has no reverse direction; a reverse cursor visits records one by one), reversed here.
 */
export async function recordsInRange(db: MatterguardDb, from: number, before: number): Promise<OverrideRecord[]> {
  if (before <= from) return [];
  return (await db.records.where('seq').between(from, before, true, false).toArray()).reverse();
}

/** Every facet row a filter selects, READ_CHUNK at a time (for the chart). */
export async function* matchingFacetChunks(db: MatterguardDb, filter: LogFilter): AsyncGenerator<LogFacets[]> {
  yield* facetChunks(db, await matchingSeqs(db, filter));
}

/** Every record, oldest first, READ_CHUNK at a time (for verification). */
export async function* recordChunks(db: MatterguardDb): AsyncGenerator<OverrideRecord[]> {
  let after = 0;
  for (;;) {
    const chunk = await db.records.where('seq').above(after).limit(READ_CHUNK).toArray();
    const last = chunk.at(-1);
    if (!last) return;
    yield chunk;
    after = last.seq;
  }
}
