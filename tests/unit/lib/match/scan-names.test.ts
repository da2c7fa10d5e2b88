import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { scanText } from '@/lib/match/scan';
import { entry } from '@/tests/helpers/watchlist-entry';

const compiled = compileWatchlist([
  entry({ clientNumber: 'C-1', clientName: 'Acme Holdings', aliases: ['ACME', 'Project Falcon'] }),
  entry({ clientNumber: 'C-2', clientName: 'Société Générale' }),
  entry({ clientNumber: 'C-3', clientName: 'Weiß' }),
  entry({ clientNumber: 'C-4', clientName: 'Globex' }),
  entry({ clientNumber: 'C-5', clientName: 'ΣΟΦΙΑ' }),
  entry({ clientNumber: 'C-6', clientName: '三菱商事' }),
]);

const found = (text: string): string[] => scanText(compiled, text).map((m) => m.text);

describe('names are found the way a reader sees them', () => {
  it.each([
    ['exact', 'Acme Holdings', 'Acme Holdings'],
    ['lower case', 'acme holdings', 'acme holdings'],
    ['upper case', 'ACME HOLDINGS', 'ACME HOLDINGS'],
    ['a line break between words', 'Acme\nHoldings', 'Acme\nHoldings'],
    ['a CRLF and indentation', 'Acme\r\n    Holdings', 'Acme\r\n    Holdings'],
    ['several spaces', 'Acme   Holdings', 'Acme   Holdings'],
    ['a punctuation run', 'Acme  -  Holdings', 'Acme  -  Holdings'],
    ['a non-breaking space', 'Acme\u00a0Holdings', 'Acme\u00a0Holdings'],
    ['a possessive', "Acme Holdings's", 'Acme Holdings'],
    ['a plural possessive', "Acme Holdings'", 'Acme Holdings'],
    ['a curly possessive', 'Acme Holdings’s', 'Acme Holdings'],
    ['a zero-width space inside a word', 'Ac\u200Bme Holdings', 'Ac\u200Bme Holdings'],
    ['a soft hyphen inside a word', 'Acme Hold\u00ADings', 'Acme Hold\u00ADings'],
    ['a zero-width joiner and a BOM', 'A\u200Dcme Hol\uFEFFdings', 'A\u200Dcme Hol\uFEFFdings'],
    ['full-width letters', 'Ａｃｍｅ Ｈｏｌｄｉｎｇｓ', 'Ａｃｍｅ Ｈｏｌｄｉｎｇｓ'],
    ['diacritics removed', 'SOCIETE GENERALE', 'SOCIETE GENERALE'],
    ['diacritics decomposed', 'Socie\u0301te\u0301 Ge\u0301ne\u0301rale', 'Socie\u0301te\u0301 Ge\u0301ne\u0301rale'],
    ['ß folded to ss', 'WEISS', 'WEISS'],
    ['ss written as ß', 'weiß', 'weiß'],
    ['final sigma folded', 'σοφια', 'σοφια'],
    ['a name in a sentence without spaces', '本日三菱商事と会議', '三菱商事'],
  ])('%s: %j', (_why, text, expected) => {
    expect(found(`Meeting with ${text} tomorrow.`)).toEqual([expected]);
  });
});

describe('whole words only', () => {
  it.each([
    ['a longer word', 'Acmeville Holdings'],
    ['a suffix glued on', 'Project Falconry'],
    ['a prefix glued on', 'NewAcme Holdings'],
    ['a digit glued on', 'Acme2 Holdings'],
    ['a single-word name inside a word', 'Globexcorp'],
    ['a single-word alias inside a word', 'acmeville'],
    ['words in the wrong order', 'Falcon Project'],
    ['one word of two', 'Falcon'],
  ])('%s: %j is not a match', (_why, text) => {
    expect(found(text)).toEqual([]);
  });

  it('a single-word name or alias is matched as listed', () => {
    expect(found('Globex, globex and ACME, Acme.')).toEqual(['Globex', 'globex', 'ACME', 'Acme']);
  });

  it('finds every occurrence, in order', () => {
    expect(found('Project Falcon: ACME Holdings; then project\nfalcon again')).toEqual([
      'Project Falcon',
      'ACME Holdings',
      'project\nfalcon',
    ]);
  });
});
