import type { CompiledWatchlist } from './compiled';
import { rescanChanged, type ScannedText } from './rescan';
import { scanText } from './scan';
import type { TextMatch } from './types';

/**
 * The last scan of each field being typed in, so the next keystroke rescans only what changed
 * (rescan.ts). Bounded in entries and in characters, least recently used first out: it holds
 * message text, so it keeps no more than the few compose fields in use, and `forget` drops a
 * closed tab's at once.
 */
export interface ScanCache {
  /** The matches of `text`, rescanning around the change since this key's previous text. */
  scan(compiled: CompiledWatchlist, key: string, text: string): readonly TextMatch[];
  /** Drops every key starting with `prefix` (e.g. a closed tab's). */
  forget(prefix: string): void;
  /** Drops everything (when the watchlist changes, nothing stored can be reused). */
  clear(): void;
  has(key: string): boolean;
  readonly size: number;
}

export interface ScanCacheLimits {
  maxEntries: number;
  maxChars: number;
}

export const DEFAULT_SCAN_CACHE: ScanCacheLimits = { maxEntries: 64, maxChars: 8 * 1024 * 1024 };

export function createScanCache(limits: ScanCacheLimits = DEFAULT_SCAN_CACHE): ScanCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const entries = new Map<string, ScannedText & { compiled: CompiledWatchlist }>();
  let chars = 0;

  const remove = (key: string): void => {
    const old = entries.get(key);
    if (old === undefined) return;
    chars -= old.text.length;
    entries.delete(key);
  };

  return {
    scan(compiled, key, text) {
      const prev = entries.get(key);
      // Matches found with another watchlist say nothing about this one.
      const matches = prev?.compiled === compiled ? rescanChanged(compiled, prev, text) : scanText(compiled, text);
      remove(key);
      // A text larger than the whole budget is scanned but not kept.
      if (text.length > limits.maxChars) return matches;
      entries.set(key, { text, matches, compiled });
      chars += text.length;
      for (const [oldest] of entries) {
        if (entries.size <= limits.maxEntries && chars <= limits.maxChars) break;
        remove(oldest);
      }
      return matches;
    },
    forget(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) remove(key);
    },
    clear() {
      entries.clear();
      chars = 0;
    },
    has: (key) => entries.has(key),
    get size() {
      return entries.size;
    },
  };
}
