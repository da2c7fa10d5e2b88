import { csvHeader, csvRows } from './csv';
import { isEmptyFilter, type LogFilter } from './filter';
import type { OverrideRecord } from './types';

/*
 * Export files (issue 6). All three carry every record whole (seq, prevHash and hash included),
 * in the order the log page shows them (newest first); the verifier orders by seq itself.
 *  - csv:    see csv.ts (BOM, Excel-safe cells, a `record` column with the canonical record).
 *  - json:   {"format":"matterguard-log","version":1,"exportedAt","filter","logHead","count","records":[…]}
 *            `logHead` is the newest record of the whole log when the file was made, so a
 *            reader knows how far the log reached and whether this file is a part of it.
 *  - ndjson: one record per line and nothing else, ready for `curl --data-binary` or a SIEM.
 */

export type ExportFormat = 'csv' | 'json' | 'ndjson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];

export const JSON_EXPORT_FORMAT = 'matterguard-log';
export const JSON_EXPORT_VERSION = 1;

export interface ExportMeta {
  exportedAt: string;
  filter: LogFilter;
  /** The newest record of the whole log at export time; null for an empty log. */
  logHead: { seq: number; hash: string } | null;
  /** How many records the file holds. */
  count: number;
}

/** Builds a file in pieces, so a 100,000-record export never needs every record at once. */
export interface ExportWriter {
  begin(): string;
  /** `first`: no record has been written before these (JSON needs no separating comma). */
  add(records: OverrideRecord[], first: boolean): string;
  end(): string;
}

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
};

export function createExportWriter(format: ExportFormat, meta: ExportMeta): ExportWriter {
  if (format === 'csv') return { begin: csvHeader, add: (records) => csvRows(records), end: () => '' };
  if (format === 'ndjson')
    return { begin: () => '', add: (records) => records.map((r) => JSON.stringify(r) + '\n').join(''), end: () => '' };
  return {
    begin() {
      const head = { format: JSON_EXPORT_FORMAT, version: JSON_EXPORT_VERSION, ...meta };
      // The envelope's own closing brace is replaced by the records array.
      return `${JSON.stringify(head).slice(0, -1)},"records":[`;
    },
    add(records, first) {
      if (records.length === 0) return '';
      const text = records.map((r) => '\n' + JSON.stringify(r)).join(',');
      return first ? text : ',' + text;
    },
    end: () => '\n]}\n',
  };
}

/** A whole export in one string (small exports, tests, the in-memory connector). */
export function exportText(format: ExportFormat, records: OverrideRecord[], meta: Omit<ExportMeta, 'count'>): string {
  const writer = createExportWriter(format, { ...meta, count: records.length });
  return writer.begin() + writer.add(records, true) + writer.end();
}

/** e.g. "matterguard-log-filtered-2025-03-04T101500Z.csv". */
export function exportFileName(format: ExportFormat, exportedAt: string, filter: LogFilter): string {
  const stamp = exportedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '');
  return `matterguard-log-${isEmptyFilter(filter) ? '' : 'filtered-'}${stamp}.${format}`;
}
