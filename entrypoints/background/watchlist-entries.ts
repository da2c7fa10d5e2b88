import { readBlocks, type WatchlistStoreDb } from '@/lib/db/watchlist-store';
import type { LoadedList } from '@/lib/watchlist/firm-sync';
import type { MergeStream } from '@/lib/watchlist/merge';
import { DECODE_SLICE, createByteReader } from '@/lib/watchlist/stream';
import type { WatchlistEntry } from '@/lib/watchlist/types';

/**
 * Entries handed on at a time. Small, so a batch is compiled while its entries are still young
 * objects the engine frees cheaply; a batch per 1 MB block (~7,000 rows) outlived the young
 * generation and cost full collections.
 */
export const BATCH_SIZE = 1_000;

/**
 * The firm list in force, streamed from its stored bytes through the reader in batches, so a
 * million rows never exist as objects at once; the demo list when no firm list has loaded.
 */
export async function* firmBatches(
  db: WatchlistStoreDb,
  list: LoadedList | null,
  demo: readonly WatchlistEntry[],
  size = BATCH_SIZE,
): AsyncGenerator<WatchlistEntry[]> {
  if (!list) {
    for (let i = 0; i < demo.length; i += size) yield demo.slice(i, i + size);
    return;
  }
  let batch: WatchlistEntry[] = [];
  const reader = createByteReader({
    source: 'firm',
    format: list.format,
    version: list.version,
    onEntry: (e) => batch.push(e),
  });
  for await (const bytes of readBlocks(db, list.generation, list.bytes)) {
    for (let at = 0; at < bytes.length; at += DECODE_SLICE) {
      reader.push(bytes.subarray(at, at + DECODE_SLICE));
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  reader.finish();
  if (batch.length > 0) yield batch;
}

/**
 * Firm then personal entries, a personal entry that repeats a firm one left out (docs/design.md#personal-list:
 * shown once, as the firm's). `merge` is filled as the firm list passes, so after a full pass
 * it also says which personal entries the firm list covers.
 */
export async function* mergedBatches(
  firm: AsyncIterable<WatchlistEntry[]>,
  merge: MergeStream,
): AsyncGenerator<WatchlistEntry[]> {
  for await (const batch of firm) {
    merge.see(batch);
    yield batch;
  }
  const rest = merge.rest();
  if (rest.length > 0) yield rest;
}
