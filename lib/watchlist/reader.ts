import type { ParseIssue, WatchlistEntry } from './types';

/**
 * The shape shared by the incremental CSV and JSON readers: text goes in piece by piece (a
 * download, a file read in chunks), entries come out one by one through `onEntry`, and nothing
 * of the file is kept beyond the row being read. A 150 MB list is never a 150 MB string.
 */
export interface ReaderOptions {
  source: WatchlistEntry['source'];
  /** Used when the file carries no version of its own; otherwise a hash of its content. */
  version?: string;
  onEntry(entry: WatchlistEntry): void;
}

export interface ReadSummary {
  version: string;
  /** Entries handed to `onEntry`. */
  entryCount: number;
  /** Problems with single lines (good lines still loaded), or the one reason nothing loaded. */
  issues: ParseIssue[];
  /** Why the file is not a watchlist at all (nothing was loaded), or null. */
  fatal: string | null;
  /**
   * Where the text stops being whole, for IT: its last row or value is unfinished, the way a
   * file cut off in transit ends (lib/watchlist/plausibility.ts). Null when it ends the way
   * its format ends. Rows before it are still counted and handed on; the caller decides.
   */
  cut: string | null;
}

export interface TextReader {
  /** The next piece of the text, split anywhere (a BOM at the very start is dropped). */
  push(text: string): void;
  /** The end of the text. */
  finish(): ReadSummary;
}

/** A fatal reason as the whole-file readers report it: one issue at line 0. */
export function fatalSummary(version: string, fatal: string, cut: string | null = null): ReadSummary {
  return { version, entryCount: 0, issues: [{ line: 0, message: fatal }], fatal, cut };
}

/** Drops a BOM from the first non-empty piece only. */
export function createBomStripper(): (text: string) => string {
  let first = true;
  return (text) => {
    if (!first || text === '') return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
}
