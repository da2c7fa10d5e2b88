import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { matchedEntryAt } from '@/lib/match/compiled';
import { describeTarget } from '@/lib/match/describe';
import { scanText } from '@/lib/match/scan';
import { entry } from '@/tests/helpers/watchlist-entry';

describe('positions point at the original characters', () => {
  const compiled = compileWatchlist([
    entry({ clientNumber: 'C-004512', clientName: 'Acme Holdings Ltd', matterNumber: '12345-0001' }),
    entry({ clientNumber: 'C-2', clientName: 'Société Générale' }),
  ]);

  it.each([
    ['plain', 'Re: 12345-0001 today', '12345-0001'],
    ['full-width digits and hyphen', 'Ｒｅ：　１２３４５－０００１。', '１２３４５－０００１'],
    ['after an emoji (a surrogate pair)', '😀😀 Acme Holdings 😀', 'Acme Holdings'],
    ['after ß and a ligature that fold to two letters', 'Straße ﬁnal: Acme Holdings', 'Acme Holdings'],
    ['after math letters from the astral plane', '𝐀𝐁𝐂 Acme Holdings', 'Acme Holdings'],
    [
      'decomposed diacritics',
      'x Socie\u0301te\u0301 Ge\u0301ne\u0301rale\u0301 y',
      'Socie\u0301te\u0301 Ge\u0301ne\u0301rale\u0301',
    ],
    ['a zero-width space inside, another after', 'x Ac\u200Bme Holdings\u200B y', 'Ac\u200Bme Holdings'],
    ['a soft hyphen inside a number', 'x 12345-00\u00AD01 y', '12345-00\u00AD01'],
    ['a possessive left out', "Acme Holdings's deal", 'Acme Holdings'],
    ['a trailing full stop left out', 'for Acme Holdings Ltd.', 'Acme Holdings Ltd'],
  ])('%s', (_why, text, expected) => {
    const [m, ...rest] = scanText(compiled, text);
    expect(rest).toEqual([]);
    expect(m?.text).toBe(expected);
    expect(text.slice(m?.start, m?.end)).toBe(expected);
    expect(m?.start).toBe(text.indexOf(expected));
  });

  it('reports matches sorted by start, each with its own offsets', () => {
    const text = 'Acme Holdings: 12345 0001\nSOCIETE GENERALE, acme holdings';
    expect(scanText(compiled, text).map((m) => [m.start, m.end, m.text])).toEqual([
      [0, 13, 'Acme Holdings'],
      [15, 25, '12345 0001'],
      [26, 42, 'SOCIETE GENERALE'],
      [44, 57, 'acme holdings'],
    ]);
  });
});

describe('long texts', () => {
  const compiled = compileWatchlist([
    entry({ clientNumber: 'C-1', clientName: 'Acme Holdings', matterNumber: '12345-0001' }),
  ]);

  it('finds terms anywhere in a 1 MB paste, then still scans short texts', () => {
    const filler = 'the quick brown fox jumps over the lazy dog; '.repeat(25_000);
    const text = `12345-0001 ${filler}Acme Holdings ${filler}12345 0001`;
    expect(scanText(compiled, text).map((m) => [m.start, m.text])).toEqual([
      [0, '12345-0001'],
      [11 + filler.length, 'Acme Holdings'],
      [text.length - 10, '12345 0001'],
    ]);
    expect(scanText(compiled, 'acme holdings').map((m) => m.text)).toEqual(['acme holdings']);
  });
});

describe('overlapping terms', () => {
  const compiled = compileWatchlist([
    entry({ clientNumber: 'C-1', clientName: 'Acme' }),
    entry({ clientNumber: 'C-2', clientName: 'Acme Holdings' }),
    entry({ clientNumber: 'C-3', clientName: 'Big Acme Holdings Group' }),
    entry({ clientNumber: 'C-4', clientName: 'Beta Acme' }),
    entry({ clientNumber: '12345', clientName: 'Orion Partners', matterNumber: '12345-0001', aliases: ['Orion'] }),
    entry({ clientNumber: 'C-6', clientName: 'Delta Group' }),
    entry({ clientNumber: 'C-7', clientName: 'Delta Group' }),
  ]);
  const found = (text: string): string[][] =>
    scanText(compiled, text).map((m) => [m.text, m.kind, describeTarget(matchedEntryAt(compiled, m.entryIndex))]);

  it('keeps the longest term at a start', () => {
    expect(found('Acme Holdings')).toEqual([['Acme Holdings', 'client-name', 'Acme Holdings (C-2)']]);
  });

  it('drops a term inside a longer one', () => {
    expect(found('Big Acme Holdings Group')).toEqual([
      ['Big Acme Holdings Group', 'client-name', 'Big Acme Holdings Group (C-3)'],
    ]);
  });

  it('keeps two terms that only partly overlap', () => {
    expect(found('Beta Acme Holdings')).toEqual([
      ['Beta Acme', 'client-name', 'Beta Acme (C-4)'],
      ['Acme Holdings', 'client-name', 'Acme Holdings (C-2)'],
    ]);
  });

  it('reports a matter number rather than the client number it starts with', () => {
    expect(found('12345-0001 and 12345')).toEqual([
      ['12345-0001', 'matter-number', 'Orion Partners — matter 12345-0001'],
      ['12345', 'client-number', 'Orion Partners (12345)'],
    ]);
  });

  it('reports each client sharing a name on the same span', () => {
    expect(found('Delta Group')).toEqual([
      ['Delta Group', 'client-name', 'Delta Group (C-6)'],
      ['Delta Group', 'client-name', 'Delta Group (C-7)'],
    ]);
  });

  it('reports one target once per span even when a name and an alias both match', () => {
    const same = compileWatchlist([entry({ clientNumber: 'C-8', clientName: 'Globex', aliases: ['GLOBEX'] })]);
    expect(scanText(same, 'Globex').map((m) => m.kind)).toEqual(['client-name']);
  });
});
