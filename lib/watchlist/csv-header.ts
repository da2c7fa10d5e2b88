import { CSV_NAMES, type RawEntry } from './fields';

/** The watchlist fields a CSV column can hold (docs/design.md#file-format). */
export type Column = keyof RawEntry;

// Keyed by the name with case, spaces, hyphens and underscores removed, so "Client Number",
// "client-number", "CLIENT_NUMBER" and "clientNumber" (the JSON spelling) are all one column.
const BY_KEY = new Map<string, Column>([
  ...Object.entries(CSV_NAMES).map(([column, name]) => [columnKey(name), column as Column] as const),
  ['alias', 'aliases'],
  ['alloweddomain', 'allowedDomains'],
]);

function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function columnOf(name: string): Column | null {
  return BY_KEY.get(columnKey(name)) ?? null;
}

export interface Header {
  /** For each CSV field position, the watchlist field it holds (null: ignored). */
  columns: (Column | null)[];
  /** Why this is not a watchlist, when it is not. */
  fatal: string | null;
  /** Things worth saying about the header line itself. */
  notes: string[];
}

function shortList(cells: string[]): string {
  const shown = cells
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .slice(0, 8)
    .map((c) => (c.length > 30 ? `${c.slice(0, 29)}…` : c));
  if (shown.length === 0) return 'nothing';
  return shown.join(', ') + (cells.length > 8 ? ', …' : '');
}

/**
 * The columns a header names. The firm list needs client_number and client_name; a personal
 * list (the user's own import) needs any one column that can hold a term.
 */
export function readHeader(cells: string[], personal = false): Header {
  const seen = new Set<Column>();
  const ignored: string[] = [];
  const notes: string[] = [];
  const columns = cells.map((cell) => {
    const column = columnOf(cell);
    if (column === null) {
      if (cell.trim() !== '') ignored.push(cell.trim());
      return null;
    }
    if (seen.has(column)) {
      notes.push(`Column ${CSV_NAMES[column]} appears twice; the first one is used.`);
      return null;
    }
    seen.add(column);
    return column;
  });
  if (personal) {
    if (!seen.has('clientNumber') && !seen.has('clientName') && !seen.has('aliases')) {
      return {
        columns,
        notes,
        fatal: `This file is not a watchlist: it has none of the columns client_number, client_name, aliases. Found: ${shortList(cells)}.`,
      };
    }
  } else {
    for (const required of ['clientNumber', 'clientName'] as const) {
      if (!seen.has(required)) {
        return {
          columns,
          notes,
          fatal: `This file is not a watchlist: no ${CSV_NAMES[required]} column. Found: ${shortList(cells)}.`,
        };
      }
    }
  }
  // Said once, so a misspelt column ("wall", "allowed domain s") does not go unnoticed.
  if (ignored.length > 0) notes.push(`Columns ignored (not part of the watchlist format): ${shortList(ignored)}.`);
  return { columns, notes, fatal: null };
}

/**
 * The delimiter is whichever of comma, tab, semicolon or bar splits the header into the most
 * watchlist column names: Papa's own guess counts fields across rows, and the `;` inside
 * aliases and domain lists would mislead it.
 */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const delimiter of [',', '\t', ';', '|']) {
    const count = headerLine.split(delimiter).filter((cell) => columnOf(cell.replace(/"/g, '')) !== null).length;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

export type Newline = '\n' | '\r\n' | '\r';

/** Excel writes "sep=;" as a first line to name the delimiter; honour it and skip it. */
export function excelSeparator(text: string): { delimiter: string; skip: number } | null {
  const match = /^sep=(.)\r?\n?/i.exec(text);
  return match ? { delimiter: match[1]!, skip: match[0].length } : null;
}

/** The header line (from the first non-space character) and the line break that ends it. */
export function headerLineOf(text: string): { line: string; newline: Newline } {
  const start = Math.max(0, text.search(/\S/));
  const end = text.slice(start).search(/[\r\n]/);
  if (end === -1) return { line: text.slice(start), newline: '\n' };
  const at = start + end;
  const newline = text[at] === '\n' ? '\n' : text[at + 1] === '\n' ? '\r\n' : '\r';
  return { line: text.slice(start, at), newline };
}
