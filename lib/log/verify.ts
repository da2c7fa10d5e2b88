import { GENESIS_HASH, hashRecord } from './chain';
import type { OverrideRecord } from './types';

/*
 * Verifying part of a log (a filtered export, or a file someone hands you). A whole log is
 * checked with verifyChain (chain.ts); a SUBSET cannot be, because the records between two
 * exported ones are missing. What a subset can still show:
 *   - each record's hash matches its content (an edit that did not recompute the hash);
 *   - where two records with consecutive sequence numbers are both present, the later one links
 *     to the earlier (an edit that did recompute its hash is exposed by its successor);
 *   - a record at seq 1 starts from the genesis hash;
 *   - no sequence number appears twice.
 * What it cannot show: that a record with no neighbour in the file was not rewritten and
 * rehashed, or that records were left out. For that, compare with the live log (the options
 * page does) or with the copy in the firm's SIEM, which holds the same ids and hashes.
 */

/** Where a record sits in the file, for messages: "row 12", "line 12", "record 12". */
export interface Located {
  record: OverrideRecord;
  /** e.g. "row 12" (CSV, counting the header as row 1), "line 3" (NDJSON), "record 5" (JSON). */
  where: string;
}

/** Which record breaks the chain, as far as the file lets us name it, and why. */
export interface RecordFault {
  where: string;
  seq?: number;
  id?: string;
  at?: string;
  user?: string;
  problem: string;
}

export type SubsetVerdict =
  | {
      ok: true;
      count: number;
      firstSeq: number | null;
      lastSeq: number | null;
      /** How many runs of missing sequence numbers lie between the first and last record. */
      gaps: number;
      /** How many adjacent pairs were checked link by link. */
      links: number;
      /** From seq 1 with no gap: the whole log up to lastSeq. */
      complete: boolean;
    }
  | ({ ok: false } & RecordFault);

function fault(item: Located, problem: string): SubsetVerdict {
  const { record } = item;
  return { ok: false, where: item.where, seq: record.seq, id: record.id, at: record.at, user: record.user, problem };
}

/** Checks records in any file order (the sequence number, which is hashed, gives the order). */
export async function verifySubset(items: Located[]): Promise<SubsetVerdict> {
  const sorted = [...items].sort((a, b) => a.record.seq - b.record.seq);
  let prev: Located | null = null;
  let gaps = 0;
  let links = 0;
  for (const item of sorted) {
    const { hash, ...rest } = item.record;
    if ((await hashRecord(rest)) !== hash) {
      return fault(item, 'It was changed after it was written: its hash does not match its content.');
    }
    if (item.record.seq === 1 && item.record.prevHash !== GENESIS_HASH) {
      return fault(item, 'It claims to be the first record of the log but does not start from the genesis hash.');
    }
    if (prev && prev.record.seq === item.record.seq) {
      return fault(
        item,
        `Sequence number ${item.record.seq} appears twice (also at ${prev.where}): one of them was inserted.`,
      );
    }
    if (prev && prev.record.seq === item.record.seq - 1) {
      links += 1;
      if (item.record.prevHash !== prev.record.hash) {
        return fault(
          item,
          `It does not link to seq ${prev.record.seq} (${prev.where}): one of the two was changed or replaced.`,
        );
      }
    } else if (prev) {
      gaps += 1;
    }
    prev = item;
  }
  const first = sorted[0]?.record.seq ?? null;
  return {
    ok: true,
    count: sorted.length,
    firstSeq: first,
    lastSeq: prev?.record.seq ?? null,
    gaps,
    links,
    complete: sorted.length === 0 || (first === 1 && gaps === 0),
  };
}

/** Names the record that breaks the chain, for people. */
export function describeFault(fault: RecordFault): string {
  const known = [fault.id && `id ${fault.id}`, fault.at, fault.user].filter(Boolean).join(', ');
  const which = fault.seq !== undefined ? ` — the record with seq ${fault.seq}${known ? ` (${known})` : ''}` : '';
  return `Broken at ${fault.where}${which}. ${fault.problem}`;
}

/** One sentence for people (options page, CLI). */
export function describeVerdict(verdict: SubsetVerdict): string {
  if (!verdict.ok) return describeFault(verdict);
  const n = verdict.count.toLocaleString('en');
  if (verdict.count === 0) return 'Valid, but the file holds no records.';
  const records = verdict.count === 1 ? '1 record' : `${n} records`;
  const range =
    verdict.firstSeq === verdict.lastSeq ? `seq ${verdict.firstSeq}` : `seq ${verdict.firstSeq}–${verdict.lastSeq}`;
  if (verdict.complete) return `Valid: ${records}, ${range}, a complete chain from the first record of the log.`;
  const gaps = verdict.gaps === 1 ? '1 gap' : `${verdict.gaps.toLocaleString('en')} gaps`;
  return (
    `Valid as far as a part of the log can be: ${records}, ${range}, with ${gaps}. ` +
    `Every record matches its hash and all ${verdict.links.toLocaleString('en')} adjacent pairs link; ` +
    'records without a neighbour in the file can only be confirmed against the live log or the SIEM copy.'
  );
}
