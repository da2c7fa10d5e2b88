import { describe, expect, it } from 'vitest';
import { createCsvReader, MAX_ROW_CHARS } from '@/lib/watchlist/csv-reader';
import { createJsonReader } from '@/lib/watchlist/json-reader';
import { parseWatchlistCsv } from '@/lib/watchlist/parse-csv';
import { parseWatchlistJson } from '@/lib/watchlist/parse-json';
import type { TextReader } from '@/lib/watchlist/reader';
import { DECODE_SLICE, createByteReader } from '@/lib/watchlist/stream';
import type { ParsedWatchlist, WatchlistEntry } from '@/lib/watchlist/types';

type ReaderFactory = (onEntry: (e: WatchlistEntry) => void) => TextReader;
const csvReader: ReaderFactory = (onEntry) => createCsvReader({ source: 'firm', onEntry });
const jsonReader: ReaderFactory = (onEntry) => createJsonReader({ source: 'firm', onEntry });

/** Reads `text` cut into pieces of `size` characters, as a download arrives. */
function readInPieces(factory: ReaderFactory, text: string, size: number): ParsedWatchlist {
  const entries: WatchlistEntry[] = [];
  const reader = factory((e) => entries.push(e));
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  const { version, issues, fatal, entryCount } = reader.finish();
  // After a fatal problem the entries already handed out are void: the caller discards them.
  if (fatal === null) expect(entryCount).toBe(entries.length);
  return { version, entries: fatal === null ? entries : [], issues };
}

const CSV_CASES: [string, string][] = [
  [
    'quoted line breaks, bad rows, blank lines, a BOM and accents',
    '\uFEFFclient_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity\n' +
      'C-1,Müller & Söhne GmbH,M-1,"Two-line\nmatter",Projekt Eisvogel;MS,mueller.example,,block\n' +
      ',Nameless,M-2,,,,,\n\n' +
      'C-3,"Smith, Ortega & Partners LLP",,,,"a.example, b.example",x@a.example,notice\n' +
      'C-4,Crane, Co,M-5,x,y,z,w,v\n' +
      'C-5,Łódź Logistyka Sp. z o.o.,2024-0133,,,,,urgent\n',
  ],
  ['Windows line ends', 'client_number,client_name,matter_number\r\nC-1,Acme One,M-1\r\nC-2,"Beta\r\nTwo",M-2\r\n'],
  [
    'Windows line ends without quotes, bad rows and a stray line feed',
    'client_number,client_name,matter_number\r\nC-1,Acme One,M-1\r\n,Nameless,M-2\r\nC-3,Gamma\nThree,M-3\r\nC-4,Delta Four,M-4,extra\r\n',
  ],
  ['old Mac line ends', 'client_number,client_name\rC-1,Acme One\rC-2,Beta Two\r'],
  [
    "Excel's sep= line and no final line break",
    'sep=;\nclient_number;client_name;aliases\nC-1;Acme One;"A;B"\nC-2;Beta Two;',
  ],
  ['an unclosed quote', 'client_number,client_name\nC-1,Acme One\nC-2,"Beta, never closed\nC-3,Crane Three\n'],
  ['a header only', 'client_number,client_name\n'],
  ['a CSV of something else', 'name,email\nAnn,ann@example.com\n'],
  ['a sign-in page', '\n  <!DOCTYPE html><html><body>Sign in</body></html>'],
];

describe('createCsvReader: a file read in pieces reads as the whole file does', () => {
  it.each(CSV_CASES)('%s, at every piece size', (_name, text) => {
    const whole = parseWatchlistCsv(text);
    for (const size of [1, 2, 3, 7, 64, text.length]) expect(readInPieces(csvReader, text, size)).toEqual(whole);
  });

  it('names the line of each bad row in a file without quotes, read in pieces', () => {
    const text =
      'client_number,client_name,matter_number\r\nC-1,Acme One,M-1\r\n,Nameless,M-2\r\nC-3,Gamma\nThree,M-3\r\nC-4,Delta Four,M-4,extra\r\n';
    for (const size of [1, 5, 40, text.length]) {
      const read = readInPieces(csvReader, text, size);
      expect(read.entries.map((e) => e.clientNumber)).toEqual(['C-1', 'C-3']);
      // The lone line feed inside row C-3 counts as a line, as an editor shows it.
      expect(read.issues.map((i) => i.line)).toEqual([3, 6]);
    }
  });

  it('reads a long list whose rows straddle the pieces', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `C-${i},"Client ${i}, Ltd",M-${i},"line one\nline two",,c${i}.example,,warn`,
    );
    const text = `client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity\n${rows.join('\n')}\n`;
    const read = readInPieces(csvReader, text, 4093);
    expect(read).toEqual(parseWatchlistCsv(text));
    expect(read.entries).toHaveLength(3000);
    expect(read.entries[2999]).toMatchObject({ clientName: 'Client 2999, Ltd', matterName: 'line one\nline two' });
  });

  it('gives up on a quoted field that never closes instead of re-reading it with every piece', () => {
    const filler = 'x'.repeat(1000) + '\n';
    const text = `client_number,client_name\nC-1,Acme One\nC-2,"never closed\n${filler.repeat(Math.ceil(MAX_ROW_CHARS / filler.length) + 10)}`;
    const read = readInPieces(csvReader, text, 64 * 1024);
    expect(read.entries.map((e) => e.clientNumber)).toEqual(['C-1']);
    expect(read.issues).toEqual([
      {
        line: 3,
        message: expect.stringMatching(
          /^A row starting on this line runs on for more than 4 MB .* lines 3–\d+ could not be read\.$/,
        ),
      },
    ]);
    const lastLine = text.split('\n').length - 1;
    expect(read.issues[0]?.message).toContain(`lines 3–${lastLine} `);
  });
});

const ACME = {
  clientNumber: 'C-1',
  clientName: 'Acme Holdings Ltd',
  aliases: ['Project "Falcon"', 'A\\B'],
  allowedDomains: 'acme.example',
};
const JSON_VALID: [string, string][] = [
  [
    'a compact list with escapes',
    JSON.stringify({
      version: 'v1',
      entries: [ACME, { clientNumber: 4512, clientName: 'Beta {Two} [x]', matterNumber: null }],
    }),
  ],
  [
    'a pretty list with bad entries and keys around it',
    '\uFEFF{\n  "generated": {"by": "PMS", "rows": [1, 2]},\n  "entries": [\n    {"clientNumber": "C-1", "clientName": "Acme One"},\n    "not an entry",\n    42,\n    null,\n' +
      '    {"clientNumber": "C-2", "aliases": [1]},\n    {"clientNumber": "C-3", "clientName": "Crane", "severity": "urgent"}\n  ],\n  "version": 7\n}\n',
  ],
  ['an empty list', '{"entries": []}'],
  ['no entries list', '{"users": [], "count": 0}'],
  ['a list at the root', '[{"clientNumber": "C-1", "clientName": "Acme One"}]'],
  ['a sign-in page', '<html><body>Sign in</body></html>'],
];

describe('createJsonReader: a file read in pieces reads as the whole file does', () => {
  it.each(JSON_VALID)('%s, at every piece size', (_name, text) => {
    const whole = parseWatchlistJson(text);
    for (const size of [1, 2, 5, 64, text.length]) expect(readInPieces(jsonReader, text, size)).toEqual(whole);
  });

  it.each([
    [
      'a trailing comma in an entry',
      '{\n  "entries": [\n    {"clientNumber": "C-1",}\n  ]\n}',
      /^This file is not valid JSON.*line 3/,
    ],
    [
      'a missing comma between entries',
      '{"entries": [{"clientNumber": "C-1", "clientName": "A"} {"clientNumber": "C-2"}]}',
      /not valid JSON, so nothing was loaded: unexpected "\{"/,
    ],
    [
      'a file cut off mid-download',
      '{"entries": [{"clientNumber": "C-1", "clientName": "Acme One"}, {"clientNumber": "C-2"',
      /ends before the JSON is complete/,
    ],
    [
      'text after the end',
      '{"entries": [{"clientNumber": "C-1", "clientName": "Acme One"}]} trailing',
      /unexpected "t"/,
    ],
    [
      'two entries lists',
      '{"entries": [{"clientNumber": "C-1", "clientName": "A"}], "entries": []}',
      /two "entries" lists/,
    ],
  ])('loads nothing from %s, like JSON.parse', (_name, text, message) => {
    for (const size of [1, 3, text.length]) {
      const read = readInPieces(jsonReader, text, size);
      expect(read.entries).toEqual([]);
      expect(read.issues).toEqual([{ line: 0, message: expect.stringMatching(message) }]);
    }
  });
});

describe('createByteReader', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('decodes characters split between pieces and picks the format from the content', () => {
    const bytes = encode('\uFEFF{"entries": [{"clientNumber": "C-1", "clientName": "Weißbach Ångström Łódź"}]}');
    const entries: WatchlistEntry[] = [];
    const reader = createByteReader({ source: 'firm', onEntry: (e) => entries.push(e) });
    for (let i = 0; i < bytes.length; i++) reader.push(bytes.subarray(i, i + 1));
    expect(reader.finish()).toMatchObject({ format: 'json', entryCount: 1, fatal: null });
    expect(entries[0]?.clientName).toBe('Weißbach Ångström Łódź');
  });

  it('reads a large block whole, however its slices cut a character or a row', () => {
    // Rows of two-byte characters, so slice boundaries (DECODE_SLICE bytes) fall inside ü and inside rows.
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `C-${i},Müller Über Grün ${i},M-${i},,,müller-${i}.example,,warn`,
    );
    const bytes = encode(
      `client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity\n${rows.join('\n')}\n`,
    );
    expect(bytes.length).toBeGreaterThan(DECODE_SLICE * 3);
    const entries: WatchlistEntry[] = [];
    const reader = createByteReader({ source: 'firm', onEntry: (e) => entries.push(e) });
    reader.push(bytes);
    expect(reader.finish()).toMatchObject({ entryCount: 3000, issues: [], fatal: null });
    expect(entries.map((e) => e.clientName)).toEqual(rows.map((_, i) => `Müller Über Grün ${i}`));
    expect(entries[2999]).toMatchObject({ matterNumber: 'M-2999', allowedDomains: ['müller-2999.example'] });
  });

  it.each([
    ['the content type', { contentType: 'text/csv; charset=utf-8' }, 'csv'],
    ['the file name', { fileName: '/exports/watchlist.json?token=1' }, 'json'],
  ] as const)('follows %s', (_name, hint, format) => {
    const reader = createByteReader({ source: 'firm', onEntry: () => undefined, ...hint });
    reader.push(encode('client_number,client_name\nC-1,Acme One\n'));
    expect(reader.finish().format).toBe(format);
  });

  it('refuses bytes that are not UTF-8 text', () => {
    const reader = createByteReader({ source: 'firm', onEntry: () => undefined });
    reader.push(Uint8Array.from({ length: 400 }, (_, i) => (i * 151) % 256));
    expect(reader.finish().fatal).toMatch(/binary data/);
  });
});
