import { describe, expect, it } from 'vitest';
import { createCsvReader, MAX_ROW_CHARS } from '@/lib/watchlist/csv-reader';
import { createJsonReader } from '@/lib/watchlist/json-reader';
import type { ReadSummary, TextReader } from '@/lib/watchlist/reader';

/*
 * A list cut off part-way (issue 10 item 8): each reader says where it stops being whole, at
 * any piece size, and says nothing of a list that ends the way its format ends.
 */

const HEADER = 'client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity';
const ROWS = [
  'C-1,Kestrel Mining plc,K-0001,Flotation,Project Osprey,kestrel.example,,warn',
  'C-2,Lumen Bank AG,L-0001,,,lumen.example,,block',
  'C-3,Harbour Freight Ltd,H-0001,"Sale of the ""North"" yard",,harbour.example,,warn',
];
const WHOLE_CSV = `${HEADER}\n${ROWS.join('\n')}\n`;

function read(make: () => TextReader, text: string): ReadSummary[] {
  return [1, 7, 64, text.length].map((size) => {
    const reader = make();
    for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
    return reader.finish();
  });
}
const csv = (text: string) => read(() => createCsvReader({ source: 'firm', onEntry: () => undefined }), text);
const json = (text: string) => read(() => createJsonReader({ source: 'firm', onEntry: () => undefined }), text);

/** Every piece size gives the same summary; that one. */
function one(summaries: ReadSummary[]): ReadSummary {
  for (const s of summaries.slice(1)) expect(s).toEqual(summaries[0]);
  return summaries[0]!;
}

describe('a CSV list', () => {
  it.each([
    ['ends every row with a line break', WHOLE_CSV],
    ['uses Windows line ends', WHOLE_CSV.replaceAll('\n', '\r\n')],
    ['uses old Mac line ends', WHOLE_CSV.replaceAll('\n', '\r')],
    ['has blank lines and spaces after its last row', `${WHOLE_CSV}\n  \n\t`],
  ])('is whole when it %s', (_name, text) => {
    expect(one(csv(text))).toMatchObject({ entryCount: 3, cut: null, fatal: null });
  });

  it('is cut when its last row stops inside a quoted field, which is not read', () => {
    const text = WHOLE_CSV.slice(0, WHOLE_CSV.indexOf('""North'));
    expect(one(csv(text))).toMatchObject({
      entryCount: 2,
      cut: 'Line 4: a quoted field opened on this line is never closed, so the file ends inside it (lines 4–4).',
    });
  });

  it('is cut when its last row has fewer fields than the header and no line break', () => {
    const text = WHOLE_CSV.slice(0, WHOLE_CSV.indexOf('Freight'));
    const summary = one(csv(text));
    expect(summary.cut).toBe(
      "Line 4, the last row, has 2 of the header's 8 fields and has no line break after it; a complete export ends every row with one.",
    );
    // Counted as read (the caller refuses the whole list); the cut row is where the count stops.
    expect(summary.entryCount).toBe(3);
  });

  it('is cut when its last row has every field but no line break (the last field may be short)', () => {
    expect(one(csv(WHOLE_CSV.slice(0, -1))).cut).toBe(
      'Line 4, the last row, has no line break after it; a complete export ends every row with one.',
    );
    expect(one(csv(WHOLE_CSV.slice(0, -3))).cut).toMatch(/^Line 4, the last row, has no line break/);
  });

  it('cannot be told from a shorter list when it is cut exactly at a line break (the shrink check is for that)', () => {
    const text = `${HEADER}\n${ROWS[0]}\n`;
    expect(one(csv(text))).toMatchObject({ entryCount: 1, cut: null });
  });

  it('is cut when a quoted field runs on past 4 MB to the end', () => {
    const filler = `${'x'.repeat(1000)}\n`;
    const text = `${HEADER}\n${ROWS[0]}\nC-2,"never closed\n${filler.repeat(Math.ceil(MAX_ROW_CHARS / filler.length) + 2)}`;
    const reader = createCsvReader({ source: 'firm', onEntry: () => undefined });
    for (let i = 0; i < text.length; i += 64 * 1024) reader.push(text.slice(i, i + 64 * 1024));
    expect(reader.finish().cut).toMatch(/^Line 3: a quoted field opened on this line is never closed/);
  });
});

const entry = (n: number) => ({ clientNumber: `C-${n}`, clientName: `Client ${n} Ltd` });
const WHOLE_JSON = JSON.stringify({ version: '2025-03-01', entries: [entry(1), entry(2), entry(3)] }, null, 2);

describe('a JSON list', () => {
  it('is whole when it parses to its end', () => {
    expect(one(json(WHOLE_JSON))).toMatchObject({ entryCount: 3, cut: null, fatal: null });
  });

  it('is cut, and not a watchlist, when it stops inside an entry', () => {
    const text = WHOLE_JSON.slice(0, WHOLE_JSON.indexOf('Client 3'));
    expect(one(json(text))).toMatchObject({
      entryCount: 2,
      fatal: expect.stringMatching(/ends before the JSON is complete/),
      cut: 'The JSON ends at line 14, inside entry 3 (which starts at line 12) before it is complete: its closing brackets never came.',
    });
  });

  it('is cut when it stops after an entry, before the list closes', () => {
    const text = WHOLE_JSON.slice(0, WHOLE_JSON.lastIndexOf(']'));
    expect(one(json(text))).toMatchObject({
      entryCount: 3,
      cut: expect.stringMatching(/^The JSON ends at line \d+ before/),
    });
  });

  it('is not "cut" when it is some other broken JSON: that is the file, not the transfer', () => {
    expect(one(json('{"entries": [} '))).toMatchObject({ cut: null, fatal: expect.stringMatching(/not valid JSON/) });
  });
});
