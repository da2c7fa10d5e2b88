import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { commonEnds, rescanChanged } from '@/lib/match/rescan';
import { scanText } from '@/lib/match/scan';
import type { TextMatch } from '@/lib/match/types';
import { createRandom } from '@/scripts/bench/random';
import { entry } from '@/tests/helpers/watchlist-entry';

const compiled = compileWatchlist([
  entry({
    clientNumber: 'C-004512',
    clientName: 'Acme Holdings Ltd',
    matterNumber: '12345-0001',
    aliases: ['Project Falcon'],
  }),
  entry({ clientNumber: 'C-2', clientName: 'Acme' }),
  entry({ clientNumber: 'C-3', clientName: 'Big Acme Holdings Group' }),
  entry({ clientNumber: 'AB12C3', clientName: 'Beta Werke GmbH & Co. KG' }),
  entry({ clientNumber: 'C-5', clientName: 'Société Générale', matterNumber: 'M/2024/00017' }),
  entry({ clientNumber: 'C-6', clientName: '三菱商事' }),
]);

const spans = (ms: readonly TextMatch[]): [number, number, string, number][] =>
  ms.map((m) => [m.start, m.end, m.text, m.entryIndex]);

/** Applies edits one after another, checking each incremental result against a full scan. */
function typeThrough(start: string, edits: ((text: string) => string)[]): string[][] {
  let prev = { text: start, matches: scanText(compiled, start) };
  const seen: string[][] = [];
  for (const edit of edits) {
    const text = edit(prev.text);
    const matches = rescanChanged(compiled, prev, text);
    expect(spans(matches)).toEqual(spans(scanText(compiled, text)));
    seen.push(matches.map((m) => m.text));
    prev = { text, matches };
  }
  return seen;
}

const append = (s: string) => (t: string) => t + s;

describe('rescanning only what changed gives what a full scan gives', () => {
  it('while a name is typed letter by letter it appears, grows and moves to the longest term', () => {
    const typed = [...'Acme Holdings Ltd'].map(append);
    const seen = typeThrough('Dear team, re ', typed);
    expect(seen[3]).toEqual(['Acme']);
    expect(seen[12]).toEqual(['Acme Holdings']);
    expect(seen.at(-1)).toEqual(['Acme Holdings Ltd']);
  });

  it('typing in the middle of a long text moves the matches after the change', () => {
    const filler = 'lorem ipsum dolor sit amet. '.repeat(40);
    const body = `12345-0001 ${filler}Project Falcon ${filler}C 004512 end`;
    const middle = body.indexOf('Project');
    const seen = typeThrough(body, [
      (t) => t.slice(0, middle) + 'x' + t.slice(middle),
      (t) => t.slice(0, middle) + t.slice(middle + 1),
      (t) => t.slice(0, middle) + 'Acme Holdings, ' + t.slice(middle),
    ]);
    expect(seen[0]).toEqual(['12345-0001', 'C 004512']);
    expect(seen[1]).toEqual(['12345-0001', 'Project Falcon', 'C 004512']);
    expect(seen[2]).toEqual(['12345-0001', 'Acme Holdings', 'Project Falcon', 'C 004512']);
  });

  it.each([
    ['a separator inserted inside an identifier', '12345-0001', (t: string) => t.replace('5-', '5--'), []],
    [
      'a separator removed from an identifier',
      'see 12345--0001 x',
      (t: string) => t.replace('--', '-'),
      ['12345-0001'],
    ],
    [
      'a word joining a name to a longer one',
      'Acme Holdings Group',
      (t: string) => `Big ${t}`,
      ['Big Acme Holdings Group'],
    ],
    [
      'a name broken by a letter',
      'Big Acme Holdings Group',
      (t: string) => t.replace('Holdings', 'Holdingsx'),
      ['Acme'],
    ],
    ['a whole paste replaced', 'Acme', () => 'Société Générale and M 2024 00017', ['Société Générale', 'M 2024 00017']],
    ['everything deleted', 'Acme Holdings', () => '', []],
    ['a digit glued to a number', '12345-0001 ok', (t: string) => t.replace('0001', '00012'), []],
    ['a letter typed between CJK characters', '本日三菱商事と', (t: string) => t.replace('商', 'x商'), []],
    [
      'a diacritic added by a combining mark',
      'Societe Generale',
      (t: string) => t.replace('Generale', 'Generale\u0301'),
      ['Societe Generale\u0301'],
    ],
  ])('%s', (_why, start, edit, expected) => {
    expect(typeThrough(start, [edit]).at(-1)).toEqual(expected);
  });
});

describe('random edits of texts full of terms and near misses', () => {
  const pieces = [
    'Acme',
    'Holdings',
    'Ltd',
    'Limited',
    'Big',
    'Group',
    'Project',
    'Falcon',
    '12345',
    '0001',
    'C',
    '004512',
    'AB',
    '12',
    'C3',
    'Beta',
    'Werke',
    'GmbH',
    '&',
    'Co.',
    'KG',
    'Société',
    'Générale',
    'M',
    '2024',
    '00017',
    '三菱商事',
    'the',
    'of',
    'x',
    ' ',
    ' ',
    ' ',
    '-',
    '/',
    '.',
    ', ',
    '\n',
    '\u200b',
    '\u0301',
    "'s",
    '😀',
    '  ',
    '--',
    'Big Acme Holdings Group',
    'Beta Werke GmbH & Co. KG',
    'Acme Holdings Ltd',
    'Project Falcon',
    '12345-0001',
    'AB-12-C3',
    'M/2024/00017',
    'Big Acme',
    'Holdings Group',
    'Werke GmbH & Co',
  ];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: 300 edits agree with full scans', (seed) => {
    const rng = createRandom(seed);
    const next = (): number => rng.next();
    const pick = () => pieces[Math.floor(next() * pieces.length)]!;
    let text = Array.from({ length: 200 }, pick).join(next() < 0.5 ? ' ' : '');
    let prev = { text, matches: scanText(compiled, text) };
    for (let k = 0; k < 300; k++) {
      const at = Math.floor(next() * (text.length + 1));
      const cut = Math.floor(next() * 8);
      const insert = next() < 0.7 ? pick() : '';
      text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
      const matches = rescanChanged(compiled, prev, text);
      expect(spans(matches), `seed ${seed}, edit ${k}`).toEqual(spans(scanText(compiled, text)));
      prev = { text, matches };
    }
  });
});

describe('commonEnds', () => {
  it.each([
    ['abcdef', 'abXdef', 2, 3],
    ['aaaa', 'aaaaa', 4, 0],
    ['', 'abc', 0, 0],
    ['same', 'same', 4, 0],
    ['x😀y', 'x😁y', 1, 1],
  ])('%j -> %j', (a, b, prefix, suffix) => {
    expect(commonEnds(a, b)).toEqual({ prefix, suffix });
  });
});
