import { buildEntry } from './fields';
import type { PersonalItem } from './personal';
import { contentVersion } from './sniff';
import type { Severity } from './types';

/**
 * The personal list in `storage.sync` (docs/design.md#personal-list): 100 KB in all, 8 KB per item, 512 items,
 * each item measured as its key plus the JSON of its value. Entries are packed as one string
 * each — fields joined by tabs, lists by `;`, trailing empty fields left out — and the strings
 * spread over as few items as fit. A typical term costs ~30 bytes, so about 3,000 fit.
 */
export const SYNC_QUOTA = { totalBytes: 102_400, itemBytes: 8_192, maxItems: 512 } as const;

/** Kept free of the total, so a list that fits today does not fail on a slightly longer meta. */
const MARGIN_BYTES = 512;
export const META_KEY = 'personal';
export const chunkKey = (i: number) => `personal.${i}`;
export const CHUNK_KEY = /^personal\.(\d+)$/;

/** Says which chunks make up the list and lets a reader check it got all of them. */
export interface SyncMeta {
  v: 1;
  chunks: number;
  count: number;
  hash: string;
  /** Epoch ms of the edit this list is from: the newest wins across devices. */
  updatedAt: number;
}

const SEVERITY_CODE: Record<Severity, string> = { notice: 'n', warn: '', block: 'b' };
const CODE_SEVERITY: Record<string, Severity> = { n: 'notice', '': 'warn', b: 'block' };

/** Tabs separate fields; a field never holds one (values are tidied), but be sure. */
const clean = (value: string) => value.replace(/[\t\r\n]+/g, ' ');

export function encodeItem({ id, entry }: PersonalItem): string {
  const fields = [
    id,
    entry.clientNumber,
    entry.clientName,
    entry.matterNumber,
    entry.matterName,
    entry.aliases.join(';'),
    entry.allowedDomains.join(';'),
    entry.walled.join(';'),
    SEVERITY_CODE[entry.severity],
  ].map(clean);
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields.join('\t');
}

/** The item a row stands for, or null for a row that is not one (another version, damage). */
export function decodeItem(row: unknown): PersonalItem | null {
  if (typeof row !== 'string') return null;
  const [id = '', clientNumber, clientName, matterNumber, matterName, aliases, allowedDomains, walled, severity = ''] =
    row.split('\t');
  if (id === '' || !(severity in CODE_SEVERITY)) return null;
  const { entry } = buildEntry(
    {
      clientNumber,
      clientName,
      matterNumber,
      matterName,
      aliases,
      allowedDomains,
      walled,
      severity: CODE_SEVERITY[severity],
    },
    'personal',
  );
  return entry ? { id, entry } : null;
}

export function decodeRows(rows: readonly unknown[]): PersonalItem[] {
  return rows.map(decodeItem).filter((item): item is PersonalItem => item !== null);
}

export const hashRows = (rows: readonly string[]) => contentVersion(rows.join('\n'));

/** Bytes of a string as UTF-8 (how Chrome measures what it stores). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** What one item costs against the sync quotas. */
export const itemBytes = (key: string, value: unknown) => key.length + utf8Bytes(JSON.stringify(value));

export interface SyncLayout {
  /** Everything to write, meta included, in one `set` call. */
  items: Record<string, unknown>;
  bytes: number;
  fits: boolean;
}

/** The rows spread over chunk items of at most 8 KB each, with the meta item. */
export function layoutForSync(rows: readonly string[], updatedAt: number): SyncLayout {
  const chunks: string[][] = [];
  let current: string[] = [];
  let currentBytes = 2; // []
  const limit = SYNC_QUOTA.itemBytes - chunkKey(9999).length;
  for (const row of rows) {
    const cost = utf8Bytes(JSON.stringify(row)) + 1;
    if (current.length > 0 && currentBytes + cost > limit) {
      chunks.push(current);
      current = [];
      currentBytes = 2;
    }
    current.push(row);
    currentBytes += cost;
  }
  if (current.length > 0) chunks.push(current);
  const meta: SyncMeta = { v: 1, chunks: chunks.length, count: rows.length, hash: hashRows(rows), updatedAt };
  const items: Record<string, unknown> = { [META_KEY]: meta };
  chunks.forEach((chunk, i) => (items[chunkKey(i)] = chunk));
  let bytes = 0;
  let oversized = false;
  for (const [key, value] of Object.entries(items)) {
    const size = itemBytes(key, value);
    bytes += size;
    if (size > SYNC_QUOTA.itemBytes) oversized = true;
  }
  const fits = !oversized && bytes <= SYNC_QUOTA.totalBytes - MARGIN_BYTES && chunks.length + 1 <= SYNC_QUOTA.maxItems;
  return { items, bytes, fits };
}

export function isSyncMeta(value: unknown): value is SyncMeta {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<SyncMeta>;
  return (
    m.v === 1 &&
    Number.isInteger(m.chunks) &&
    Number.isInteger(m.count) &&
    typeof m.hash === 'string' &&
    typeof m.updatedAt === 'number'
  );
}

/**
 * The rows of the list stored in `area` (a storage.sync dump); null when there is none;
 * 'incomplete' when the chunks do not add up: another device's write may arrive in pieces,
 * and half a list must not replace a whole one. The hash decides.
 */
export function readSyncLayout(
  area: Record<string, unknown>,
): { rows: string[]; meta: SyncMeta } | null | 'incomplete' {
  const meta = area[META_KEY];
  if (meta === undefined) return null;
  if (!isSyncMeta(meta)) return 'incomplete';
  const rows: string[] = [];
  for (let i = 0; i < meta.chunks; i++) {
    const chunk = area[chunkKey(i)];
    if (!Array.isArray(chunk)) return 'incomplete';
    for (const row of chunk) if (typeof row === 'string') rows.push(row);
  }
  return rows.length === meta.count && hashRows(rows) === meta.hash ? { rows, meta } : 'incomplete';
}

/** Chunk keys in `area` beyond the layout's own (left from a longer list). */
export function staleChunkKeys(area: Record<string, unknown>, chunks: number): string[] {
  return Object.keys(area).filter((key) => {
    const match = CHUNK_KEY.exec(key);
    return match !== null && Number(match[1]) >= chunks;
  });
}

export interface SyncRoom {
  usedBytes: number;
  totalBytes: number;
  /** How many more entries of this list's average size would fit. */
  moreEntries: number;
}

export function syncRoom(rows: readonly string[], layoutBytes: number): SyncRoom {
  const usable = SYNC_QUOTA.totalBytes - MARGIN_BYTES;
  const average =
    rows.length > 0
      ? Math.max(16, Math.ceil(rows.reduce((n, r) => n + utf8Bytes(JSON.stringify(r)) + 1, 0) / rows.length))
      : 40;
  return {
    usedBytes: layoutBytes,
    totalBytes: SYNC_QUOTA.totalBytes,
    moreEntries: Math.max(0, Math.floor((usable - layoutBytes) / average)),
  };
}
