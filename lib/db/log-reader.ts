import { createChainVerifier } from '../log/chain';
import { createExportWriter, type ExportFormat } from '../log/export';
import { facetsMatch, isEmptyFilter, normalizeFilter, type LogFilter } from '../log/filter';
import { createSummarizer, type LogSummary, type Summarizer } from '../log/summary';
import type { OverrideRecord } from '../log/types';
import type { LiveVerdict } from '../protocol/protocol';
import type { MatterguardDb } from './db';
import { logHead, matchingFacetChunks, matchingSeqs, recordChunks, recordsBySeq, recordsInRange } from './log-query';

export interface LogPage {
  records: OverrideRecord[];
  total: number;
}

/** One piece of an export file; the page asks again with `next` until it is null. */
export interface ExportChunk {
  text: string;
  /** Records in this piece. */
  records: number;
  /** Records in the whole file. */
  count: number;
  next: { before: number; upTo: number; count: number; written: number; exportedAt: string } | null;
}

export interface ExportRequest {
  filter: LogFilter;
  format: ExportFormat;
  /** Continuation: newest-first, records with seq < before. Absent on the first request. */
  before?: number;
  /** Continuation: the newest seq when the export started; later records are not in the file. */
  upTo?: number;
  /** Continuation: records in the whole file, counted on the first request. */
  count?: number;
  /** Continuation: records already sent in earlier pieces. */
  written?: number;
  exportedAt?: string;
}

/** Records per export piece (~6 MB of CSV): progress moves, the page stays responsive. */
export const EXPORT_CHUNK = 5_000;

/**
 * Reads of the log: pages, the chart, export pieces, verification (the background uses it for
 * everything but exports, which the options page reads itself: see lib/connectors/connector.ts). The last
 * filter's seq list is kept while the log does not grow, so paging through a filtered view does
 * not redo the index lookups (derived state only: a restarted worker simply computes it again).
 */
export function createLogReader(db: MatterguardDb, now: () => Date = () => new Date()) {
  let cache: { key: string; head: number; seqs: number[] | null } | null = null;

  async function selection(filter: LogFilter): Promise<{ key: string; seqs: number[] | null; head: number }> {
    const head = (await logHead(db))?.seq ?? 0;
    const key = JSON.stringify(normalizeFilter(filter));
    if (cache?.key !== key || cache.head !== head) cache = { key, head, seqs: await matchingSeqs(db, filter) };
    return cache;
  }

  async function page(filter: LogFilter, offset: number, limit: number): Promise<LogPage> {
    if (isEmptyFilter(filter)) {
      const [records, total] = await Promise.all([
        db.records.orderBy('seq').reverse().offset(offset).limit(limit).toArray(),
        db.records.count(),
      ]);
      return { records, total };
    }
    const { seqs } = await selection(filter);
    const all = seqs ?? [];
    return { records: await recordsBySeq(db, all.slice(offset, offset + limit)), total: all.length };
  }

  // The chart's counts for the last filter, brought up to date with the records added since (the
  // log only grows), so reopening the page or one more decision does not recount 100,000 rows.
  let counted: { key: string; upTo: number; summarizer: Summarizer } | null = null;
  let counting: Promise<unknown> = Promise.resolve();

  async function count(filter: LogFilter): Promise<LogSummary> {
    const f = normalizeFilter(filter);
    const key = JSON.stringify(f);
    const head = (await logHead(db))?.seq ?? 0;
    if (!counted || counted.key !== key || counted.upTo > head) {
      const summarizer = createSummarizer();
      for await (const rows of matchingFacetChunks(db, filter))
        for (const row of rows) if (row.seq <= head) summarizer.add(row);
      counted = { key, upTo: head, summarizer };
    } else if (counted.upTo < head) {
      const added = await db.facets.where('seq').between(counted.upTo, head, false, true).toArray();
      for (const row of added) if (facetsMatch(row, f)) counted.summarizer.add(row);
      counted.upTo = head;
    }
    return counted.summarizer.result();
  }

  /** One count at a time, so two pages asking at once never add the same rows twice. */
  function summary(filter: LogFilter): Promise<LogSummary> {
    const run = counting.then(() => count(filter));
    counting = run.catch(() => undefined);
    return run;
  }

  /** The records of one export piece: newest first, seq < before. */
  function readPiece(seqs: number[] | null, before: number): Promise<OverrideRecord[]> {
    if (seqs === null) return recordsInRange(db, Math.max(1, before - EXPORT_CHUNK), before);
    return recordsBySeq(db, seqs.filter((s) => s < before).slice(0, EXPORT_CHUNK));
  }

  // The next piece is read while this one is formatted: measured in Chromium, a 100,000-record
  // CSV export otherwise spent ~1.2 s of its time waiting idle for IndexedDB.
  let prefetched: { key: string; records: Promise<OverrideRecord[]> } | null = null;

  async function exportChunk(request: ExportRequest): Promise<ExportChunk> {
    const first = request.before === undefined;
    const head = await logHead(db);
    const upTo = request.upTo ?? head?.seq ?? 0;
    const before = Math.min(request.before ?? Infinity, upTo + 1);
    const exportedAt = request.exportedAt ?? now().toISOString();
    const { key: filterKey, seqs } = await selection(request.filter);
    const pieceKey = (b: number) => `${filterKey}|${upTo}|${b}`;

    const pending = prefetched?.key === pieceKey(before) ? prefetched.records : readPiece(seqs, before);
    prefetched = null;
    const records = await pending;
    const count =
      request.count ??
      (seqs === null ? await db.records.where('seq').belowOrEqual(upTo).count() : seqs.filter((s) => s <= upTo).length);
    const nextBefore = seqs === null ? Math.max(1, before - EXPORT_CHUNK) : (records.at(-1)?.seq ?? 1);
    const done = seqs === null ? nextBefore <= 1 : seqs.filter((s) => s < before).length <= EXPORT_CHUNK;
    if (!done) {
      const next = readPiece(seqs, nextBefore);
      next.catch(() => undefined); // a piece nobody asks for must not surface as unhandled
      prefetched = { key: pieceKey(nextBefore), records: next };
    }

    const writer = createExportWriter(request.format, { exportedAt, filter: request.filter, logHead: head, count });
    const written = request.written ?? 0;
    const text = (first ? writer.begin() : '') + writer.add(records, written === 0) + (done ? writer.end() : '');
    const next = done ? null : { before: nextBefore, upTo, count, written: written + records.length, exportedAt };
    return { text, records: records.length, count, next };
  }

  /** The whole live chain, read in chunks; names the first record that breaks it. */
  async function verify(): Promise<LiveVerdict> {
    const verifier = createChainVerifier();
    let position = 0;
    let head: { seq: number; hash: string } | null = null;
    for await (const chunk of recordChunks(db)) {
      const verdict = await verifier.pushAll(chunk);
      if (verdict && !verdict.ok) {
        const { seq, id, at, user } = chunk[verdict.index - position]!;
        const problem = verdict.problem.replace(/^Record \d+ /, 'It ');
        return {
          ok: false,
          where: `record ${(verdict.index + 1).toLocaleString('en')} of the log`,
          seq,
          id,
          at,
          user,
          problem,
        };
      }
      position += chunk.length;
      const last = chunk.at(-1)!;
      head = { seq: last.seq, hash: last.hash };
    }
    return { ok: true, count: position, head };
  }

  return { page, summary, exportChunk, verify };
}

export type LogReader = ReturnType<typeof createLogReader>;
