import Papa from 'papaparse';
import { clientMatterLines, matchedWords } from './format';
import type { OverrideRecord } from './types';

/*
 * The CSV export (issue 6): opens cleanly in Excel and can still be verified.
 *  - UTF-8 with a byte-order mark (Excel otherwise reads UTF-8 as the local code page),
 *    CRLF line ends, ISO 8601 UTC times.
 *  - Formula injection neutralised: a cell that starts with = + - @ TAB or CR gets a leading
 *    apostrophe, so Excel shows it as text instead of running it (OWASP "CSV Injection").
 *  - Verifiable: the last column, `record`, holds the record itself as JSON (hash included;
 *    key order does not matter, the verifier hashes the canonical form); the readable columns
 *    before it are DERIVED from that record. The verifier
 *    re-derives every readable cell and rejects a row whose cells say something the record
 *    does not, so what a person reads in Excel is what the hash chain covers.
 */

export const CSV_COLUMNS = [
  'at',
  'user',
  'site',
  'surface',
  'action',
  'level',
  'clients',
  'matched',
  'reason',
  'reason_code',
  'recipients',
  'extension_version',
  'watchlist_version',
  'id',
  'seq',
  'prev_hash',
  'hash',
  'record',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const BOM = '\uFEFF';
const LIST_SEPARATOR = '; ';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell a spreadsheet would read as a formula. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The readable cells of a record, before neutralising, column by column. */
export function readableCells(record: OverrideRecord): Record<Exclude<CsvColumn, 'record'>, string> {
  return {
    at: record.at,
    user: record.user,
    site: record.site,
    surface: record.surface,
    action: record.action,
    level: record.level,
    clients: clientMatterLines(record.matches).join(LIST_SEPARATOR),
    matched: matchedWords(record.matches).join(LIST_SEPARATOR),
    reason: record.reason,
    reason_code: record.reasonCode,
    recipients: record.recipients.join(LIST_SEPARATOR),
    extension_version: record.extensionVersion,
    watchlist_version: record.watchlistVersion,
    id: record.id,
    seq: String(record.seq),
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

/** One CSV row, every cell neutralised. */
export function csvRow(record: OverrideRecord): string[] {
  const cells: Record<CsvColumn, string> = { ...readableCells(record), record: JSON.stringify(record) };
  return CSV_COLUMNS.map((c) => neutralise(cells[c]));
}

const UNPARSE: Papa.UnparseConfig = { newline: '\r\n', header: false };

/** The first part of a CSV file: the byte-order mark and the header row. */
export function csvHeader(): string {
  return BOM + Papa.unparse([[...CSV_COLUMNS]], UNPARSE) + '\r\n';
}

/** Rows for some records, each line ended with CRLF, so chunks can simply be concatenated. */
export function csvRows(records: OverrideRecord[]): string {
  if (records.length === 0) return '';
  return Papa.unparse(records.map(csvRow), UNPARSE) + '\r\n';
}

/** A whole CSV export in one string (small exports, tests). */
export function toCsv(records: OverrideRecord[]): string {
  return csvHeader() + csvRows(records);
}
