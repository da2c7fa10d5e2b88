import type { OverrideRecord, UnchainedRecord } from './types';

/** The previous hash of the first record: no record comes before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and no whitespace; arrays keep their order.
 * The same record always yields the same bytes, whichever order its keys were written in
 * (IndexedDB, an export file and a CLI may all rebuild objects differently).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 (hex) over the previous hash followed by the canonical record without its own hash. */
export async function hashRecord(record: Omit<OverrideRecord, 'hash'>): Promise<string> {
  return sha256Hex(record.prevHash + canonicalJson(record));
}

/** Appends a record after `prev` (null for the first record of the log). */
export async function chainRecord(
  unchained: UnchainedRecord,
  prev: Pick<OverrideRecord, 'seq' | 'hash'> | null,
): Promise<OverrideRecord> {
  const linked = { ...unchained, seq: prev ? prev.seq + 1 : 1, prevHash: prev ? prev.hash : GENESIS_HASH };
  return { ...linked, hash: await hashRecord(linked) };
}

export type ChainVerdict = { ok: true; count: number } | { ok: false; index: number; id: string; problem: string };

/** Checks a log record by record, oldest first, so a large log can be read in chunks. */
export interface ChainVerifier {
  /** The first fault, once found (later pushes are ignored); null while the chain holds. */
  push(record: OverrideRecord): Promise<ChainVerdict | null>;
  /**
   * Several consecutive records at once: their hashes are computed concurrently (browsers run
   * SHA-256 off the main thread), the links are then checked in order.
   */
  pushAll(records: OverrideRecord[]): Promise<ChainVerdict | null>;
  /** The verdict over everything pushed so far. */
  result(): ChainVerdict;
}

function digestOf(record: OverrideRecord): Promise<string> {
  const { hash: _hash, ...rest } = record;
  return hashRecord(rest);
}

/**
 * Checks a whole log from the first record ever written.
 * Sequence numbers show deletions, insertions and reorders; each record's prevHash must be
 * its predecessor's hash; each hash must match the record's content. Reports the first fault.
 * (Removing records from the END leaves a valid shorter chain: compare `count` with a copy
 * held elsewhere, e.g. the firm's collector.)
 */
export function createChainVerifier(): ChainVerifier {
  let prev: OverrideRecord | null = null;
  let index = 0;
  let failed: ChainVerdict | null = null;

  function check(record: OverrideRecord, digest: string): ChainVerdict | null {
    const expectedSeq: number = prev ? prev.seq + 1 : 1;
    const fail = (problem: string): ChainVerdict => ({ ok: false, index, id: record.id, problem });
    if (record.seq !== expectedSeq) {
      return fail(
        `Record ${index + 1} has sequence number ${record.seq}, expected ${expectedSeq}: a record was deleted, inserted or moved.`,
      );
    }
    if (record.prevHash !== (prev ? prev.hash : GENESIS_HASH)) {
      return fail(`Record ${index + 1} does not link to the record before it: that record was changed or replaced.`);
    }
    if (digest !== record.hash) {
      return fail(`Record ${index + 1} was changed after it was written (its hash does not match its content).`);
    }
    return null;
  }

  async function pushAll(records: OverrideRecord[]): Promise<ChainVerdict | null> {
    if (failed) return failed;
    const digests = await Promise.all(records.map(digestOf));
    for (const [i, record] of records.entries()) {
      failed = check(record, digests[i]!);
      if (failed) return failed;
      prev = record;
      index += 1;
    }
    return null;
  }

  return {
    push: (record) => pushAll([record]),
    pushAll,
    result: () => failed ?? { ok: true, count: index },
  };
}

/** Checks a whole log held in memory, oldest first (see createChainVerifier). */
export async function verifyChain(records: OverrideRecord[]): Promise<ChainVerdict> {
  const verifier = createChainVerifier();
  for (let i = 0; i < records.length; i += 1_000) {
    if (await verifier.pushAll(records.slice(i, i + 1_000))) break;
  }
  return verifier.result();
}
