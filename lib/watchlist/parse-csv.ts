import { createCsvReader } from './csv-reader';
import type { ParsedWatchlist, WatchlistEntry } from './types';

export interface CsvOptions {
  /** CSV carries no version in-band; without one, a content hash stands in. */
  version?: string;
  source?: WatchlistEntry['source'];
}

/**
 * Reads a whole firm CSV of docs/design.md#file-format held in memory (an upload, the demo list). Every bad row
 * is reported with the 1-based line it starts on and the good rows still load; a file without
 * the required columns loads nothing. Large downloads use createCsvReader directly.
 */
export function parseWatchlistCsv(text: string, options: CsvOptions = {}): ParsedWatchlist {
  const entries: WatchlistEntry[] = [];
  const reader = createCsvReader({
    source: options.source ?? 'firm',
    version: options.version,
    onEntry: (e) => entries.push(e),
  });
  reader.push(text);
  const { version, issues, fatal } = reader.finish();
  return { version, entries: fatal === null ? entries : [], issues };
}
