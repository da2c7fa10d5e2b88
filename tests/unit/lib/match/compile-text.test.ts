import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { compileWatchlistText, createWatchlistTextCompiler } from '@/lib/match/compile-text';
import { scanText } from '@/lib/match/scan';
import { parseWatchlistCsv } from '@/lib/watchlist/parse-csv';

const HEADER = 'client_number,client_name,matter_number,aliases,allowed_domains,severity';

/** A CSV with good rows and, every so often, bad ones and awkward quoting. */
function csv(rows: number, eol = '\n'): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 13)
      lines.push(`C-${i},,,,,`); // no client name: reported
    else if (i % 89 === 5) lines.push(`C-${i},"Crane, Poole${eol}& Schmidt LLP",${i}-01,,crane.example,warn`);
    else if (i % 83 === 7) lines.push(`C-${i},Orion ${i} Ltd,${i}-02,,not a domain,loud`);
    else lines.push(`C-${i},Acme ${i} Holdings Ltd,${i}-0001,"Project ""Falcon"" ${i}",acme${i}.example,warn`);
  }
  return lines.join(eol) + eol;
}

/** Feeds `text` in pieces of the given sizes, over and over. */
function inPieces(text: string, sizes: number[]) {
  const compiler = createWatchlistTextCompiler({ source: 'firm', fileName: 'list.csv' });
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    compiler.push(text.slice(at, at + size));
    at += size;
  }
  return compiler.finish();
}

describe('a list compiled as its text streams in is the list compiled from all its rows', () => {
  it.each([
    ['LF, small pieces', csv(600), [7, 113, 1]],
    ['CRLF, pieces that split line breaks', csv(600, '\r\n'), [1, 2, 3, 5, 8, 13, 21]],
    ['a BOM and an Excel sep= line', `\uFEFFsep=,\n${csv(300)}`, [4_096]],
    [
      'a line break inside a quoted name on every row',
      csv(400).replace(/Acme (\d+) Holdings Ltd/g, '"Acme\n$1, Holdings Ltd"'),
      [997],
    ],
  ])('%s', (_why, text, sizes) => {
    const whole = parseWatchlistCsv(text);
    const streamed = inPieces(text, sizes);
    expect([streamed.fatal, streamed.entryCount, streamed.version]).toEqual([
      null,
      whole.entries.length,
      whole.version,
    ]);
    expect(streamed.issues).toEqual(whole.issues);
    // The term table's slot order depends on how it grew; what it finds does not.
    const once = compileWatchlist(whole.entries);
    const { table: _t1, filter: _f1, multi: _m1, ...rest } = streamed.compiled;
    const { table: _t2, filter: _f2, multi: _m2, ...expected } = once;
    expect(rest).toEqual(expected);
    // The CSV itself holds every term.
    expect(scanText(streamed.compiled, text)).toEqual(scanText(once, text));
    expect(scanText(once, text).length).toBeGreaterThan(whole.entries.length);
  });

  it('finds the terms of the first and last rows', () => {
    const result = inPieces(csv(600), [10_000]);
    expect(scanText(result.compiled, 'Acme 6 Holdings, 599-0001 and project "falcon" 598').map((m) => m.text)).toEqual([
      'Acme 6 Holdings',
      '599-0001',
      'project "falcon" 598',
    ]);
  });
});

describe('a file that is not a watchlist loads nothing', () => {
  it.each([
    ['empty', ''],
    ['a sign-in page', '<!doctype html><html><body>Sign in</body></html>\n'],
    ['no client_name column', 'client_number,name\nC-1,Acme\n'],
  ])('%s', (_why, text) => {
    const result = inPieces(text, [5]);
    expect(result.entryCount).toBe(0);
    expect(result.fatal).not.toBeNull();
    expect(scanText(result.compiled, 'Acme C-1')).toEqual([]);
  });
});

describe('compileWatchlistText picks the format', () => {
  it('reads JSON with its version and line-numbered issues', () => {
    const json =
      '{"version": "v7", "entries": [\n{"clientNumber": "C-1", "clientName": "Acme Holdings"},\n{"clientNumber": "C-2"}\n]}';
    const result = compileWatchlistText(json, { source: 'firm' });
    expect([result.format, result.version, result.entryCount, result.issues.map((i) => i.line)]).toEqual([
      'json',
      'v7',
      1,
      [3],
    ]);
    expect(scanText(result.compiled, 'acme holdings').length).toBe(1);
  });

  it('reads CSV', () => {
    const result = compileWatchlistText(csv(10), { source: 'firm', fileName: 'list.csv' });
    expect(result.entryCount).toBe(10);
  });
});
