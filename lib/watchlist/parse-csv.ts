import Papa from 'papaparse';
import { buildEntry, type RawEntry } from './fields';
import { detectDelimiter, readHeader, type Column } from './csv-header';
import { createIssueCollector } from './issues';
import { contentVersion, notWatchlistReason, stripBom } from './sniff';
import type { ParsedWatchlist, WatchlistEntry } from './types';

export interface CsvOptions {
  /** CSV carries no version in-band; without one, a content hash stands in. */
  version?: string;
  source?: WatchlistEntry['source'];
}

/** Number of line breaks in text[from, to): physical lines, quoted line breaks included. */
function countBreaks(text: string, from: number, to: number, breakChar: string): number {
  let count = 0;
  for (let i = text.indexOf(breakChar, from); i !== -1 && i < to; i = text.indexOf(breakChar, i + 1)) count += 1;
  return count;
}

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

/** Excel writes "sep=;" as a first line to name the delimiter; honour it and skip it. */
function excelSeparator(text: string): { delimiter: string; skip: number } | null {
  const match = /^sep=(.)\r?\n?/i.exec(text);
  return match ? { delimiter: match[1]!, skip: match[0].length } : null;
}

function headerLineOf(text: string): string {
  const start = text.search(/\S/);
  const end = text.slice(start).search(/[\r\n]/);
  return end === -1 ? text.slice(start) : text.slice(start, start + end);
}

/**
 * Reads the firm CSV of DESIGN 3. Every bad row is reported with the 1-based line of the file
 * it starts on (the header is line 1; a quoted line break counts as the line it is) and the
 * good rows still load. A file without the required columns loads nothing.
 */
export function parseWatchlistCsv(text: string, options: CsvOptions = {}): ParsedWatchlist {
  const source = options.source ?? 'firm';
  const body = stripBom(text);
  const version = options.version ?? contentVersion(body);
  const refused = notWatchlistReason(body);
  if (refused) return { version, entries: [], issues: [{ line: 0, message: refused }] };

  const sep = excelSeparator(body);
  const delimiter = sep?.delimiter ?? detectDelimiter(headerLineOf(body));
  const issues = createIssueCollector();
  const entries: WatchlistEntry[] = [];
  let columns: (Column | null)[] | null = null;
  let fatal: string | null = null;
  let line = sep ? 2 : 1;
  let cursor = sep?.skip ?? 0;

  Papa.parse<string[]>(body.slice(cursor), {
    delimiter,
    step(result, parser) {
      const row = result.data;
      const rowLine = line;
      const end = (sep?.skip ?? 0) + result.meta.cursor;
      line += countBreaks(body, cursor, end, result.meta.linebreak === '\r' ? '\r' : '\n');
      cursor = end;
      if (isBlank(row)) return;
      if (columns === null) {
        const header = readHeader(row);
        fatal = header.fatal;
        if (fatal) return parser.abort();
        columns = header.columns;
        for (const note of header.notes) issues.add(rowLine, note);
        return;
      }
      if (result.errors.some((e) => e.code === 'MissingQuotes')) {
        // The unclosed field ran to the end of the file; name the last line, not the one after it.
        const last = /[\r\n]$/.test(body) ? line - 1 : line;
        issues.add(rowLine, `A quoted field starting on this line is never closed, so lines ${rowLine}–${last} could not be read.`);
        return;
      }
      if (row.length > columns.length && row.slice(columns.length).some((cell) => cell.trim() !== '')) {
        issues.add(
          rowLine,
          `This row has ${row.length} fields but the header has ${columns.length} (a comma inside a name needs the field in double quotes); the row was skipped.`,
        );
        return;
      }
      const raw: RawEntry = {};
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        if (column) raw[column] = row[i] ?? '';
      }
      const built = buildEntry(raw, source);
      if (built.problems.length > 0) issues.add(rowLine, `${built.problems.join('; ')}.`);
      if (built.entry) entries.push(built.entry);
    },
  });

  if (fatal !== null) return { version, entries: [], issues: [{ line: 0, message: fatal }] };
  if (columns === null) return { version, entries: [], issues: [{ line: 0, message: 'This file is not a watchlist: it has no header row.' }] };
  if (entries.length === 0) issues.add(0, 'No entries loaded: the file has a header row but no usable rows.');
  return { version, entries, issues: issues.done() };
}
