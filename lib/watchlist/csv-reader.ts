import Papa from 'papaparse';
import { createEntryBuilder, type RawEntry } from './fields';
import { detectDelimiter, excelSeparator, headerLineOf, readHeader, type Column, type Newline } from './csv-header';
import { createIssueCollector } from './issues';
import { createBomStripper, fatalSummary, type ReaderOptions, type ReadSummary, type TextReader } from './reader';
import { createContentHasher, notWatchlistReason } from './sniff';

/** Enough text to tell a web page or binary file from a CSV, and to see the header line. */
const SNIFF_CHARS = 8192;
/**
 * A row still open after this much text is a quoted field that is never closed: re-reading it
 * with every new piece would cost time quadratic in the file, so it is given up on.
 */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;

/** What Papa's low-level Parser hands `step`: one row, wrapped in a list. */
interface RowStep {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

/** What Papa's low-level Parser returns without a step: the rows of the text, and where they end. */
interface PlainRows {
  data: string[][];
  meta: { cursor: number };
}

const NO_ERRORS: readonly Papa.ParseError[] = [];
const LONE_LF = /(?:^|[^\r])\n/;

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

/** Where each field is in a row (-1: the file has no such column). */
type FieldPositions = Record<Column, number>;

function fieldPositions(columns: readonly (Column | null)[]): FieldPositions {
  const at = (field: Column) => columns.indexOf(field);
  return {
    clientNumber: at('clientNumber'),
    clientName: at('clientName'),
    matterNumber: at('matterNumber'),
    matterName: at('matterName'),
    aliases: at('aliases'),
    allowedDomains: at('allowedDomains'),
    walled: at('walled'),
    severity: at('severity'),
  };
}

/** The cell at a position, '' past the end of a short row, undefined for a missing column. */
function cellAt(row: readonly string[], i: number): string | undefined {
  return i < 0 ? undefined : (row[i] ?? '');
}

/** A row's fields by name, built in one shape (a row per object of the same layout stays fast). */
function rawEntry(row: readonly string[], at: FieldPositions): RawEntry {
  return {
    clientNumber: cellAt(row, at.clientNumber),
    clientName: cellAt(row, at.clientName),
    matterNumber: cellAt(row, at.matterNumber),
    matterName: cellAt(row, at.matterName),
    aliases: cellAt(row, at.aliases),
    allowedDomains: cellAt(row, at.allowedDomains),
    walled: cellAt(row, at.walled),
    severity: cellAt(row, at.severity),
  };
}

/**
 * Whether the text's last character other than spaces and tabs is a line break (spaces after
 * the last line break are a blank row, not an unfinished one); `before` for a piece of blanks.
 * Read from the end: a regex anchored at `$` would scan every piece of a 150 MB list.
 */
function endsWithLineBreak(text: string, before: boolean): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return c === 10 || c === 13;
  }
  return before;
}

function countBreaks(text: string, from: number, to: number, breakChar: string): number {
  let count = 0;
  for (let i = text.indexOf(breakChar, from); i !== -1 && i < to; i = text.indexOf(breakChar, i + 1)) count += 1;
  return count;
}

/**
 * Reads the firm CSV of docs/design.md#file-format incrementally. Every bad row is reported with the 1-based
 * line of the file it starts on (the header is line 1; a quoted line break counts as the line
 * it is) and the good rows still load. A file without the required columns loads nothing.
 * Papa's low-level parser reads each piece and leaves the unfinished last row for the next.
 */
export function createCsvReader(options: ReaderOptions): TextReader {
  const source = options.source;
  const stripBom = createBomStripper();
  // The content hash stands in for a version only when none is known (a re-read of a stored list has one).
  const hasher = options.version === undefined ? createContentHasher() : null;
  const issues = createIssueCollector();
  const buildEntry = createEntryBuilder(source);
  let head = '';
  let parser: Papa.Parser | null = null;
  let plainParser: Papa.Parser | null = null;
  let breakChar = '\n';
  let newline: Newline = '\n';
  let pending = '';
  let base = 0;
  let relCursor = 0;
  let line = 1;
  let columns: (Column | null)[] | null = null;
  let at: FieldPositions = fieldPositions([]);
  let fatal: string | null = null;
  let swallowedFrom: number | null = null;
  let entryCount = 0;
  let endsWithBreak = false;
  /** The last row after the header: its line (0: none yet) and how many fields it has (numbers: no object per row). */
  let lastRowLine = 0;
  let lastRowFields = 0;
  /** A quoted field still open at the end of the text, and the lines it swallowed. */
  let openQuote: { from: number; to: number } | null = null;

  /** Papa's step, for text with quotes: a row may span lines, so its cursor says how many. */
  function onRow(result: RowStep): void {
    if (fatal !== null) return;
    const rowLine = line;
    const end = result.meta.cursor - base;
    line += countBreaks(pending, relCursor, end, breakChar);
    relCursor = end;
    readRow(result.data[0] ?? [], rowLine, result.errors);
  }

  function readRow(row: string[], rowLine: number, errors: readonly Papa.ParseError[]): void {
    if (isBlank(row)) return;
    if (columns === null) {
      const header = readHeader(row, source === 'personal');
      fatal = header.fatal;
      columns = header.columns;
      at = fieldPositions(columns);
      for (const note of header.notes) issues.add(rowLine, note);
      return;
    }
    lastRowLine = rowLine;
    lastRowFields = row.length;
    if (errors.some((e) => e.code === 'MissingQuotes')) {
      // The unclosed field ran to the end of the file; name the last line, not the one after it.
      const last = /[\r\n]$/.test(pending) ? line - 1 : line;
      openQuote = { from: rowLine, to: last };
      issues.add(
        rowLine,
        `A quoted field starting on this line is never closed, so lines ${rowLine}–${last} could not be read.`,
      );
      return;
    }
    if (row.length > columns.length && row.slice(columns.length).some((cell) => cell.trim() !== '')) {
      issues.add(
        rowLine,
        `This row has ${row.length} fields but the header has ${columns.length} (a comma inside a name needs the field in double quotes); the row was skipped.`,
      );
      return;
    }
    const built = buildEntry(rawEntry(row, at));
    if (built.problems.length > 0) issues.add(rowLine, `${built.problems.join('; ')}.`);
    if (built.entry) {
      entryCount += 1;
      options.onEntry(built.entry);
    }
  }

  /** Parses what is pending; unless `last`, the unfinished final row waits for more text. */
  function parse(last: boolean): void {
    if (!parser || !plainParser || fatal !== null) return;
    let consumed: number;
    // A row of a Windows file may hold a lone line feed, which counts as a line of its own.
    if (pending.includes('"') || (newline === '\r\n' && LONE_LF.test(pending))) {
      relCursor = 0;
      consumed = (parser.parse(pending, base, !last) as RowStep).meta.cursor - base;
    } else {
      // No quotes: every row is one line, and Papa splits the text by lines and commas and
      // hands back all rows at once. The step path's objects per row were a third of what a
      // million-row compile allocated.
      const first = line;
      const result = plainParser.parse(pending, base, !last) as PlainRows;
      for (const row of result.data) {
        if (fatal !== null) break;
        readRow(row, line++, NO_ERRORS);
      }
      consumed = result.meta.cursor - base;
      // The last row of the file counts only if a line break ends it.
      line = first + countBreaks(pending, 0, consumed, breakChar);
    }
    pending = pending.slice(consumed);
    base += consumed;
    if (!last && pending.length > MAX_ROW_CHARS) {
      swallowedFrom = line;
      line += countBreaks(pending, 0, pending.length, breakChar);
      pending = '';
    }
  }

  /**
   * Adds a piece to what is pending. Joining the two would copy the whole piece into a new
   * string; instead the unfinished row is completed with the piece's first line and read, and
   * the rest of the piece is kept as it is. A quote in the unfinished row may run on across
   * lines, so then the piece is joined.
   */
  function append(text: string): void {
    if (pending === '') {
      pending = text;
      return;
    }
    const end = pending.includes('"') ? -1 : text.indexOf(newline);
    if (end === -1) {
      pending += text;
      return;
    }
    const cut = end + newline.length;
    pending += text.slice(0, cut);
    parse(false);
    pending = pending === '' ? text.slice(cut) : pending + text.slice(cut);
  }

  function start(text: string): void {
    const refused = notWatchlistReason(text);
    if (refused) {
      fatal = refused;
      return;
    }
    const sep = excelSeparator(text);
    const body = text.slice(sep?.skip ?? 0);
    const header = headerLineOf(body);
    const delimiter = sep?.delimiter ?? detectDelimiter(header.line);
    breakChar = header.newline === '\r' ? '\r' : '\n';
    line = sep ? 2 : 1;
    // The low-level Parser calls `step` with RowStep (one row, wrapped), not the ParseStepResult the types name.
    newline = header.newline;
    parser = new Papa.Parser({ delimiter, newline: header.newline, step: onRow });
    plainParser = new Papa.Parser({ delimiter, newline: header.newline });
    pending = body;
  }

  /**
   * How the text ends, if not the way a whole export does. Exports from practice-management
   * systems, Excel, LibreOffice, PowerShell and database tools end every row, the last one
   * too, with a line break; a last row without one (or with fewer fields than the header, or
   * a quote still open) is what a file cut off part-way looks like. A cut exactly at a line
   * break cannot be told from a shorter file here: that is the shrink check's to catch.
   */
  function cutAt(headerFields: number): string | null {
    if (openQuote !== null)
      return `Line ${openQuote.from}: a quoted field opened on this line is never closed, so the file ends inside it (lines ${openQuote.from}–${openQuote.to}).`;
    if (lastRowLine === 0 || endsWithBreak) return null;
    const short =
      lastRowFields < headerFields ? ` has ${lastRowFields} of the header's ${headerFields} fields and` : '';
    return `Line ${lastRowLine}, the last row,${short} has no line break after it; a complete export ends every row with one.`;
  }

  return {
    push(piece) {
      const text = stripBom(piece);
      if (text === '') return;
      hasher?.update(text);
      endsWithBreak = endsWithLineBreak(text, endsWithBreak);
      if (fatal !== null) return;
      if (swallowedFrom !== null) {
        line += countBreaks(text, 0, text.length, breakChar);
        return;
      }
      if (parser === null) {
        head += text;
        const first = head.search(/\S/);
        if (head.length < SNIFF_CHARS || first === -1 || !/[\r\n]/.test(head.slice(first))) return;
        start(head);
        head = '';
      } else {
        append(text);
      }
      parse(false);
    },
    finish(): ReadSummary {
      const version = options.version ?? hasher?.digest() ?? '';
      if (parser === null && fatal === null) start(head);
      if (swallowedFrom === null) parse(true);
      else {
        const last = Math.max(swallowedFrom, endsWithBreak ? line - 1 : line);
        openQuote = { from: swallowedFrom, to: last };
        issues.add(
          swallowedFrom,
          `A row starting on this line runs on for more than 4 MB (a quoted field that is never closed?), so lines ${swallowedFrom}–${last} could not be read.`,
        );
      }
      if (fatal !== null) return fatalSummary(version, fatal);
      if (columns === null) return fatalSummary(version, 'This file is not a watchlist: it has no header row.');
      if (entryCount === 0) issues.add(0, 'No entries loaded: the file has a header row but no usable rows.');
      return { version, entryCount, issues: issues.done(), fatal: null, cut: cutAt(columns.length) };
    },
  };
}
