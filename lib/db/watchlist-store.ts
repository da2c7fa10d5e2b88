import Dexie, { type Table } from 'dexie';

export const WATCHLIST_DB_NAME = 'matterguard-watchlist';

/** One stretch of a downloaded list file, as received (UTF-8 bytes). */
export interface ListBlock {
  generation: string;
  index: number;
  bytes: Uint8Array;
}

/**
 * The last good firm list, kept as the file's own bytes in blocks of about a megabyte: the
 * most compact form there is (a 1M-row CSV is ~130 MB here, ~750 MB as entry objects), and the
 * one a restarted worker can stream through the reader again without a download.
 *
 * Its own database, apart from the override log's `matterguard`: everything here is a cache
 * of the firm's server (a generation is dropped wholesale when another replaces it), while the
 * log's migrations must never lose a record; keeping them apart keeps each upgrade simple.
 * Rows are keyed [generation, index]; a generation becomes the list in force only when the
 * sync state names it, after every block is written (see setup-watchlist).
 */
export class WatchlistStoreDb extends Dexie {
  blocks!: Table<ListBlock, [string, number]>;

  constructor(name: string = WATCHLIST_DB_NAME) {
    super(name);
    this.version(1).stores({ blocks: '[generation+index]' });
  }
}

export const BLOCK_BYTES = 1024 * 1024;

export interface BlockWriter {
  write(bytes: Uint8Array): Promise<void>;
  /** Writes what is buffered; returns the total number of bytes stored. */
  close(): Promise<number>;
  /** Removes whatever this generation stored so far. */
  discard(): Promise<void>;
}

export function createBlockWriter(db: WatchlistStoreDb, generation: string, blockBytes = BLOCK_BYTES): BlockWriter {
  let buffer = new Uint8Array(blockBytes);
  let filled = 0;
  let index = 0;
  let total = 0;

  async function flush(): Promise<void> {
    if (filled === 0) return;
    await db.blocks.put({ generation, index, bytes: buffer.slice(0, filled) });
    index += 1;
    filled = 0;
  }

  return {
    async write(bytes) {
      total += bytes.length;
      let offset = 0;
      while (offset < bytes.length) {
        const n = Math.min(bytes.length - offset, blockBytes - filled);
        buffer.set(bytes.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === blockBytes) await flush();
      }
    },
    async close() {
      await flush();
      buffer = new Uint8Array(0);
      return total;
    },
    async discard() {
      buffer = new Uint8Array(0);
      await db.blocks
        .where('[generation+index]')
        .between([generation, Dexie.minKey], [generation, Dexie.maxKey])
        .delete();
    },
  };
}

/** The stored bytes of a generation, block by block; throws if any block of `expectedBytes` is missing. */
export async function* readBlocks(
  db: WatchlistStoreDb,
  generation: string,
  expectedBytes: number,
): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for (let index = 0; seen < expectedBytes; index++) {
    const block = await db.blocks.get([generation, index]);
    if (!block)
      throw new Error(
        `The stored firm watchlist is incomplete (${seen} of ${expectedBytes} bytes); it will be downloaded again.`,
      );
    seen += block.bytes.length;
    yield block.bytes;
  }
}

/** Deletes every stored generation but `keep` (a replaced list, or one a killed worker left half-written). */
export async function deleteOtherGenerations(db: WatchlistStoreDb, keep: string | null): Promise<void> {
  const keys = await db.blocks.toCollection().primaryKeys();
  const stale = keys.filter(([generation]) => generation !== keep);
  if (stale.length > 0) await db.blocks.bulkDelete(stale);
}
