import { describe, expect, it } from 'vitest';
import { parseWatchlistJson } from '@/lib/watchlist/parse-json';
import { parseWatchlistCsv } from '@/lib/watchlist/parse-csv';

const ACME = {
  clientNumber: 'C-004512',
  clientName: 'Acme Holdings Ltd',
  matterNumber: '12345-0001',
  matterName: 'Acquisition of Beta GmbH',
  aliases: ['Project Falcon', 'ACME'],
  allowedDomains: ['Acme.com', '@acme.co.uk'],
  walled: ['J.Doe@examplelaw.com'],
  severity: 'block',
};

describe('parseWatchlistJson', () => {
  it('reads the JSON form of docs/design.md#file-format into the same entry the CSV form gives', () => {
    const json = parseWatchlistJson(JSON.stringify({ version: '2025-03-01', entries: [ACME] }));
    const fromCsv = parseWatchlistCsv(
      'client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity\n' +
        'C-004512,Acme Holdings Ltd,12345-0001,Acquisition of Beta GmbH,Project Falcon;ACME,Acme.com;@acme.co.uk,J.Doe@examplelaw.com,block\n',
    );
    expect(json.issues).toEqual([]);
    expect(json.version).toBe('2025-03-01');
    expect(json.entries).toEqual(fromCsv.entries);
    expect(json.entries[0]).toMatchObject({
      allowedDomains: ['acme.com', 'acme.co.uk'],
      walled: ['j.doe@examplelaw.com'],
    });
  });

  it('accepts what exports write: numeric ids, nulls, missing optional fields, a BOM', () => {
    const text =
      '\uFEFF' +
      JSON.stringify({
        entries: [{ clientNumber: 4512, clientName: 'Acme Holdings Ltd', matterNumber: null, aliases: null }],
      });
    const { entries, issues } = parseWatchlistJson(text);
    expect(issues).toEqual([]);
    expect(entries).toMatchObject([{ clientNumber: '4512', matterNumber: '', aliases: [], severity: 'warn' }]);
  });

  it('reports a bad entry at the line where it starts, and loads the rest', () => {
    const text = [
      '{', // 1
      '  "version": "v7",', // 2
      '  "entries": [', // 3
      '    { "clientNumber": "C-1", "clientName": "Acme One" },', // 4
      '    {', // 5
      '      "clientNumber": "C-2",', // 6
      '      "aliases": [1, 2]', // 7
      '    },', // 8
      '    { "clientNumber": "C-3", "clientName": "" },', // 9
      '    "not an entry",', // 10
      '    { "clientNumber": "C-4", "clientName": "Beta Four", "severity": "urgent" }', // 11
      '  ]', // 12
      '}', // 13
    ].join('\n');
    const { entries, issues, version } = parseWatchlistJson(text);
    expect(version).toBe('v7');
    expect(entries.map((e) => e.clientNumber)).toEqual(['C-1', 'C-4']);
    expect(issues.map((i) => i.line)).toEqual([5, 9, 10, 11]);
    expect(issues[0]?.message).toMatch(/^Entry 2: aliases/);
    expect(issues[1]?.message).toMatch(/^Entry 3: clientName is empty \(C-3\)/);
    expect(issues[3]?.message).toMatch(/^Entry 5: severity "urgent"/);
  });

  it('finds the entries list by key, not by position, even with braces inside strings', () => {
    const text = '{"note": "entries: [ { ] }",\n"entries": [\n{"clientNumber": "C-1"}\n]}';
    expect(parseWatchlistJson(text).issues[0]?.line).toBe(3);
  });

  it('loads nothing from invalid JSON and says where it broke', () => {
    const { entries, issues } = parseWatchlistJson('{\n  "entries": [\n    {"clientNumber": "C-1",}\n  ]\n}');
    expect(entries).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(3);
    expect(issues[0]?.message).toMatch(/^This file is not valid JSON, so nothing was loaded/);
  });

  it.each([
    [
      'a list instead of an object',
      '[{"clientNumber": "C-1", "clientName": "Acme One"}]',
      /no "entries" list\. Found: a list/,
    ],
    ['an object of something else', '{"users": [], "count": 0}', /no "entries" list\. Found: keys users, count/],
    ['a sign-in page', '<html><body>Sign in</body></html>', /web page/],
  ])('refuses %s', (_name, text, message) => {
    const { entries, issues } = parseWatchlistJson(text);
    expect(entries).toEqual([]);
    expect(issues).toEqual([{ line: 0, message: expect.stringMatching(message) }]);
  });

  it('falls back to the given version, then to a content hash', () => {
    const text = '{"entries": [{"clientNumber": "C-1", "clientName": "Acme One"}]}';
    expect(parseWatchlistJson(text, { version: 'given' }).version).toBe('given');
    expect(parseWatchlistJson(text).version).toMatch(/^[0-9a-f]{8}$/);
  });
});
