import Dexie, { type EntityTable } from 'dexie';
import { isCompiledWatchlist, type CompiledWatchlist } from '../match';

/**
 * Its own small database rather than a table in `matterguard` (db.ts): what it holds is derived
 * and disposable, so it never needs a migration; a new compiled format simply misses.
 */
export const CACHE_DB_NAME = 'matterguard-cache';

interface CompiledRow {
  /** One row only: the compiled form of the list in force. */
  slot: 'active';
  /** The watchlist revision it was compiled from. */
  revision: string;
  compiled: CompiledWatchlist;
  savedAt: string;
}

/**
 * The compiled watchlist as the background compiled it (docs/design.md#budgets), so a restarted service
 * worker restores it (~60 MB of typed arrays for a million rows, by structured clone) instead of
 * reading and compiling the list again. Opened only in the background: it is the client list,
 * and the extension's own IndexedDB is not a web page's.
 */
export class CompiledCacheDb extends Dexie {
  compiled!: EntityTable<CompiledRow, 'slot'>;

  constructor(name: string = CACHE_DB_NAME) {
    super(name);
    this.version(1).stores({ compiled: 'slot' });
  }
}

export interface CompiledStore {
  /** The stored compiled list if it is of this revision and of the current format, else null. */
  load(revision: string): Promise<CompiledWatchlist | null>;
  /** Replaces whatever was stored. */
  save(revision: string, compiled: CompiledWatchlist): Promise<void>;
  clear(): Promise<void>;
}

export function createCompiledStore(db: CompiledCacheDb = new CompiledCacheDb()): CompiledStore {
  return {
    async load(revision) {
      const row = await db.compiled.get('active');
      if (!row || row.revision !== revision) return null;
      // A copy written by an older version of the matcher has another layout: compile afresh.
      return isCompiledWatchlist(row.compiled) ? row.compiled : null;
    },
    async save(revision, compiled) {
      await db.compiled.put({ slot: 'active', revision, compiled, savedAt: new Date().toISOString() });
    },
    async clear() {
      await db.compiled.clear();
    },
  };
}
