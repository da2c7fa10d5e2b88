import Papa from 'papaparse';
import { BOM, CSV_COLUMNS, neutralise, readableCells } from './csv';
import type { ExportFormat } from './export';
import { JSON_EXPORT_FORMAT } from './export';
import { HEC_SOURCETYPE } from './hec';
import { asRecord } from './record-schema';
import type { Located, RecordFault } from './verify';

/*
 * Reading an export back (issue 6), format recognised from the content, not the file name:
 * a JSON object with "format": "matterguard-log", a JSON array of records, NDJSON (of records,
 * or of the collector's HEC events), or a CSV whose header has a `record` column. Three outcomes, as the CLI's exit codes: records to
 * verify; a damaged export, naming the record (or row, or line) at fault; or something that
 * is not an export at all.
 */

export type ReadExport =
  | {
      kind: 'records';
      format: ExportFormat;
      items: Located[];
      declared?: Declared;
      /** CSV cells that disagree with their row's record; reported after the hashes are checked. */
      cellFaults?: RecordFault[];
    }
  | { kind: 'broken'; format: ExportFormat; fault: RecordFault }
  | { kind: 'unreadable'; problem: string };

/** What a JSON export says about itself (not covered by any hash, so only a consistency check). */
export interface Declared {
  count: number;
  logHead: { seq: number; hash: string } | null;
  /** Whether it says it holds the whole log (made with no filter). */
  whole: boolean;
}

const NOT_AN_EXPORT = 'This is not a Matterguard log export (CSV, JSON or NDJSON).';

/**
 * A line of the collector feed (a Splunk HEC event, as a relay may have kept it) carries the
 * record as its `event`: verify that, so the SIEM's copy can be checked like an export.
 */
function unwrapHecEvent(value: unknown): unknown {
  const event = value as { sourcetype?: unknown; event?: unknown } | null;
  return event && typeof event === 'object' && event.sourcetype === HEC_SOURCETYPE && typeof event.event === 'object'
    ? event.event
    : value;
}

function located(value: unknown, where: string): Located | RecordFault {
  const checked = asRecord(unwrapHecEvent(value));
  return checked.ok ? { record: checked.record, where } : { where, problem: checked.problem };
}

function collect(format: ExportFormat, entries: (Located | RecordFault)[]): ReadExport {
  const items: Located[] = [];
  for (const entry of entries) {
    if (!('record' in entry)) return { kind: 'broken', format, fault: entry };
    items.push(entry);
  }
  return { kind: 'records', format, items };
}

function readJsonDocument(value: unknown): ReadExport {
  if (Array.isArray(value))
    return collect(
      'json',
      value.map((v, i) => located(v, `record ${i + 1}`)),
    );
  const doc = value as {
    format?: unknown;
    records?: unknown;
    count?: unknown;
    logHead?: unknown;
    hash?: unknown;
    filter?: unknown;
  };
  // NDJSON with a single line parses as one JSON value: one record (or one collector event).
  if ((typeof doc.hash === 'string' || unwrapHecEvent(value) !== value) && doc.records === undefined)
    return collect('ndjson', [located(value, 'line 1')]);
  if (doc.format !== JSON_EXPORT_FORMAT || !Array.isArray(doc.records))
    return { kind: 'unreadable', problem: NOT_AN_EXPORT };
  const read = collect(
    'json',
    doc.records.map((v, i) => located(v, `record ${i + 1}`)),
  );
  if (read.kind !== 'records') return read;
  const head = doc.logHead as { seq?: unknown; hash?: unknown } | null | undefined;
  const logHead =
    head && typeof head.seq === 'number' && typeof head.hash === 'string' ? { seq: head.seq, hash: head.hash } : null;
  // The filter comes from a file: look at it as plain data rather than trust its shape.
  const whole =
    doc.filter !== null &&
    typeof doc.filter === 'object' &&
    Object.values(doc.filter).every((v) => v === undefined || v === '');
  return {
    ...read,
    declared: { count: typeof doc.count === 'number' ? doc.count : read.items.length, logHead, whole },
  };
}

function readNdjson(text: string): ReadExport {
  const entries: (Located | RecordFault)[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (entries.length === 0) return { kind: 'unreadable', problem: NOT_AN_EXPORT };
      entries.push({ where: `line ${i + 1}`, problem: 'The line is not valid JSON: it was cut or edited.' });
      continue;
    }
    entries.push(located(value, `line ${i + 1}`));
  }
  return collect('ndjson', entries);
}

function clip(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text);
}

function readCsvRow(row: Record<string, string>, where: string): Located | RecordFault {
  let value: unknown;
  try {
    value = JSON.parse(row.record ?? '');
  } catch {
    return { where, problem: 'Its `record` cell is not valid JSON: it was cut or edited.' };
  }
  return located(value, where);
}

/** The first readable cell of a row that says something its record does not. */
function cellFault(row: Record<string, string>, { record, where }: Located): RecordFault | null {
  for (const [column, cell] of Object.entries(readableCells(record))) {
    const found = row[column] ?? '';
    if (found !== neutralise(cell)) {
      const problem = `Its "${column}" cell reads ${clip(found)} but the hashed record says ${clip(neutralise(cell))}: the cell was edited.`;
      return { where, seq: record.seq, id: record.id, at: record.at, user: record.user, problem };
    }
  }
  return null;
}

function readCsv(text: string): ReadExport {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  if (!CSV_COLUMNS.every((c) => fields.includes(c))) return { kind: 'unreadable', problem: NOT_AN_EXPORT };
  // Papa counts data rows from 0; a spreadsheet shows the header as row 1.
  const firstError = parsed.errors.find((e) => e.row !== undefined);
  const entries = parsed.data.map((row, i) => {
    if (firstError && firstError.row === i)
      return { where: `row ${i + 2}`, problem: `The row is malformed (${firstError.message}).` };
    return readCsvRow(row, `row ${i + 2}`);
  });
  const read = collect('csv', entries);
  if (read.kind !== 'records') return read;
  const cellFaults = read.items
    .map((item, i) => cellFault(parsed.data[i]!, item))
    .filter((f): f is RecordFault => f !== null);
  return { ...read, cellFaults };
}

/** Recognises and reads an export; does not check hashes (see verify-export.ts). */
export function readExport(content: string): ReadExport {
  const text = content.startsWith(BOM) ? content.slice(1) : content;
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return readJsonDocument(JSON.parse(text));
    } catch {
      // Several JSON objects one per line: NDJSON. (A single-line NDJSON parses above as one object.)
    }
    if (start === '{') return readNdjson(text);
    return { kind: 'unreadable', problem: 'The file starts like JSON but is not valid JSON.' };
  }
  if (text.trim() === '') return { kind: 'unreadable', problem: 'The file is empty.' };
  return readCsv(text);
}
