import { describe, expect, it } from 'vitest';
import { chooseFormat, parseWatchlist } from '@/lib/watchlist/parse';

const CSV = 'client_number,client_name\nC-1,Acme One\n';
const JSON_TEXT = '{"version": "v1", "entries": [{"clientNumber": "C-1", "clientName": "Acme One"}]}';

describe('chooseFormat', () => {
  it.each<[string, string, Parameters<typeof chooseFormat>[1], 'csv' | 'json']>([
    ['the caller says so', JSON_TEXT, { format: 'csv' }, 'csv'],
    ['the content type names JSON', CSV, { contentType: 'application/json; charset=utf-8' }, 'json'],
    ['the content type names CSV', JSON_TEXT, { contentType: 'text/csv' }, 'csv'],
    [
      'a .json URL served as octet-stream',
      CSV,
      { contentType: 'application/octet-stream', fileName: '/exports/watchlist.JSON?sig=abc' },
      'json',
    ],
    ['a .csv upload', JSON_TEXT, { fileName: 'clients.csv' }, 'csv'],
    ['text starting with {', `\uFEFF  \n${JSON_TEXT}`, { contentType: 'text/plain' }, 'json'],
    ['text starting with a header', CSV, {}, 'csv'],
  ])('when %s', (_name, text, options, format) => {
    expect(chooseFormat(text, options)).toBe(format);
  });
});

describe('parseWatchlist', () => {
  it('reads both formats to the same entries, with the given source', () => {
    const fromCsv = parseWatchlist(CSV, { source: 'personal' });
    const fromJson = parseWatchlist(JSON_TEXT, { source: 'personal', format: 'auto' });
    expect(fromJson.entries).toEqual(fromCsv.entries);
    expect(fromCsv.entries[0]?.source).toBe('personal');
    expect(fromJson.version).toBe('v1');
  });

  it('refuses a sign-in page whatever its name claims', () => {
    const { entries, issues } = parseWatchlist('<!doctype html><title>Sign in</title>', {
      source: 'firm',
      fileName: 'watchlist.csv',
      contentType: 'text/csv',
    });
    expect(entries).toEqual([]);
    expect(issues).toEqual([{ line: 0, message: expect.stringMatching(/not a watchlist: it is a web page/) }]);
  });
});
