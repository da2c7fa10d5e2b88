import { parseWatchlistCsv } from './parse-csv';
import { parseWatchlistJson } from './parse-json';
import { firstNonSpace, stripBom } from './sniff';
import type { ParsedWatchlist, WatchlistEntry } from './types';

export type WatchlistFormat = 'csv' | 'json';

export interface ParseOptions {
  format?: WatchlistFormat | 'auto';
  /** The HTTP Content-Type the file was served with, if any. */
  contentType?: string;
  /** The file's name (an upload) or the URL's path (a download). */
  fileName?: string;
  source: WatchlistEntry['source'];
  /** For CSV, and JSON without a "version": otherwise a content hash. */
  version?: string;
}

/**
 * Which reader to use: what the caller says, else the server's content type, else the file's
 * extension, else the content itself (JSON starts with `{`; a CSV starts with its header).
 * Servers often send CSV as text/plain or application/octet-stream, so only a type that
 * names a format decides.
 */
export function chooseFormat(text: string, options: Omit<ParseOptions, 'source'>): WatchlistFormat {
  if (options.format === 'csv' || options.format === 'json') return options.format;
  const type = options.contentType?.toLowerCase() ?? '';
  if (/\bjson\b/.test(type)) return 'json';
  if (/\b(csv|tab-separated-values)\b/.test(type)) return 'csv';
  const name = options.fileName?.toLowerCase().replace(/[?#].*$/, '') ?? '';
  if (name.endsWith('.json')) return 'json';
  if (/\.(csv|tsv|txt)$/.test(name)) return 'csv';
  const first = firstNonSpace(stripBom(text));
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/**
 * Reads a firm or personal watchlist in either format of docs/design.md#file-format; both readers refuse a
 * sign-in page or a binary file.
 */
export function parseWatchlist(text: string, options: ParseOptions): ParsedWatchlist {
  const format = chooseFormat(text, options);
  const readerOptions = { source: options.source, version: options.version };
  return format === 'json' ? parseWatchlistJson(text, readerOptions) : parseWatchlistCsv(text, readerOptions);
}
