import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { scanText } from '@/lib/match/scan';
import { entry } from '@/tests/helpers/watchlist-entry';

/** The texts found in `text` when the watchlist holds one client called `name`. */
function found(name: string, text: string): string[] {
  return scanText(compileWatchlist([entry({ clientNumber: 'C-1', clientName: name })]), text).map((m) => m.text);
}

describe('other ways people write the same name', () => {
  it.each([
    ['Johnson & Johnson', 'Johnson and Johnson', 'Johnson and Johnson'],
    ['Johnson and Johnson', 'Johnson & Johnson', 'Johnson & Johnson'],
    ['Crane & Co LLP', 'Crane and Company LLP', 'Crane and Company LLP'],
    ['Crane & Co LLP', 'Crane & Co.', 'Crane & Co'],
    ['Crane & Co LLP', 'Crane and Co', 'Crane and Co'],
    ['I.B.M. Corp', 'IBM Corp', 'IBM Corp'],
    ['I.B.M. Corp', 'IBM Corporation', 'IBM Corporation'],
    ['Société Générale S.A.', 'Société Générale SA', 'Société Générale SA'],
    ['The Boeing Company', 'Boeing Company', 'Boeing Company'],
    ['The Boeing Company', 'the Boeing Co.', 'the Boeing Co'],
    ['The Boeing Company', 'The Boeing', 'The Boeing'],
  ])('%j matches %j', (name, text, expected) => {
    expect(found(name, `Re: ${text} today`)).toEqual([expected]);
  });

  it.each([
    ['I.B.M. Corp', 'I.B.M. pricing'],
    ['IBM Corp', 'IBM pricing'],
    ['The Boeing Company', 'Boeing'],
    ['The Economist', 'Economist'],
    ['Crane & Co LLP', 'Crane'],
    ['Johnson & Johnson', 'Johnson'],
    ['Smith & Co', 'Smith'],
  ])('%j does not match a single word in %j', (name, text) => {
    expect(found(name, text)).toEqual([]);
  });
});
