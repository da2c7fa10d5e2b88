import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { scanText } from '@/lib/match/scan';
import { entry } from '@/tests/helpers/watchlist-entry';

const compiled = compileWatchlist([
  entry({ clientNumber: 'C-004512', clientName: 'Acme Holdings Ltd', matterNumber: '12345-0001' }),
  entry({ clientNumber: 'AB12C3', clientName: 'Gamma Partners' }),
  entry({ clientNumber: '998877', clientName: 'Delta Trading' }),
]);

/** What was matched, as [matched text, kind]. */
const found = (text: string): [string, string][] => scanText(compiled, text).map((m) => [m.text, m.kind]);

describe('identifiers tolerate separators', () => {
  it.each([
    '12345-0001',
    '12345 0001',
    '12345.0001',
    '12345/0001',
    '12345_0001',
    '123450001',
    '12345\n0001',
    '12345\t0001',
    '12345\u00a00001',
    '12345–0001',
    '12345—0001',
  ])('matter 12345-0001 is found in %j', (written) => {
    expect(found(`Re: ${written}, as discussed`)).toEqual([[written, 'matter-number']]);
  });

  it.each(['C-004512', 'C 004512', 'C004512', 'c-004512', 'C.004512', 'C/004512'])(
    'client number C-004512 is found as %j',
    (written) => {
      expect(found(`client ${written}.`)).toEqual([[written, 'client-number']]);
    },
  );

  it('may split a letters-and-digits identifier where letters meet digits', () => {
    expect(found('AB-12-C3 and ab 12 c 3 and AB12C3')).toEqual([
      ['AB-12-C3', 'client-number'],
      ['ab 12 c 3', 'client-number'],
      ['AB12C3', 'client-number'],
    ]);
  });
});

describe('identifiers are never found inside something longer or split elsewhere', () => {
  it.each([
    ['a longer number before', '112345-0001'],
    ['a longer number after', '12345-00012'],
    ['letters glued before', 'A12345-0001'],
    ['letters glued after', '12345-0001B'],
    ['a split the identifier does not have', '1234-50001'],
    ['another split it does not have', '12345-00-01'],
    ['two separators between parts', '12345--0001'],
    ['spaced-out separator', '12345 - 0001'],
    ['a prefix only', '12345'],
    ['a split inside a digit run', '99 88 77'],
    ['a split inside letters', 'A B12C3'],
  ])('%s: %j', (_why, written) => {
    expect(found(`see ${written} today`)).toEqual([]);
  });

  it('a plain number identifier matches only as a whole word', () => {
    expect(found('998877 and 9988770 and 1998877')).toEqual([['998877', 'client-number']]);
  });
});

describe('an identifier next to punctuation', () => {
  it.each([
    ['(12345-0001)', '12345-0001'],
    ['"12345-0001".', '12345-0001'],
    ['#12345/0001:', '12345/0001'],
    ['matters 12345-0001/0002', '12345-0001'],
  ])('in %j finds %j', (text, written) => {
    expect(found(text)).toEqual([[written, 'matter-number']]);
  });
});
