import type { WatchlistEntry } from '../../lib/watchlist/types';
import { createRandom, type Random } from './random';
import { NEAR_MISS_WORDS, PROSE } from './words';

/**
 * Email-like texts for the benchmark: prose with, every few hundred characters, a watched term
 * written the way people write it (case, separators, a dropped suffix, a possessive, a line
 * break inside a name) and a near miss that must not match (a number one digit longer, a name
 * glued into a longer word, one word of a two-word name).
 */

const SUFFIX_AT_END =
  /\s+(Ltd|Limited|Inc\.?|LLC|LLP|plc|GmbH|AG|S\.A\.|SAS|N\.V\.|B\.V\.|S\.p\.A\.|Pty Ltd|AB|Oy|K\.K\.|Corp|Corporation|SARL|SE|A\/S)$/;

function planted(r: Random, e: WatchlistEntry): string {
  switch (r.int(8)) {
    case 0:
      return e.clientName;
    case 1:
      return e.clientName.toUpperCase();
    case 2:
      return e.clientName.replace(SUFFIX_AT_END, '');
    case 3:
      return `${e.clientName.replace(SUFFIX_AT_END, '')}'s`;
    case 4:
      return e.matterNumber.replace(/[-./]/g, r.pick([' ', '.', '', '/', '-']));
    case 5:
      return e.clientNumber;
    case 6:
      return e.aliases[0] ?? e.matterNumber;
    default:
      return e.clientName.replace(' ', '\n');
  }
}

function nearMiss(r: Random, e: WatchlistEntry): string {
  switch (r.int(5)) {
    case 0:
      return `${e.matterNumber}7`;
    case 1:
      return `9${e.clientNumber.replace(/\D/g, '')}`;
    case 2:
      return `${(e.clientName.split(' ')[0] ?? '').toLowerCase()}ville`;
    case 3:
      return (e.clientName.split(' ')[0] ?? '').replace(/^The$/, 'the');
    default:
      return `${r.pick(NEAR_MISS_WORDS)} ${r.pick(NEAR_MISS_WORDS)}`;
  }
}

/** A text of about `chars` characters; `every` is the average distance between planted terms. */
export function makeText(chars: number, sample: readonly WatchlistEntry[], seed: number, every = 400): string {
  const r = createRandom(seed);
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < chars) {
    let piece: string;
    const roll = r.next();
    if (roll < 6 / every) piece = planted(r, r.pick(sample));
    else if (roll < 12 / every) piece = nearMiss(r, r.pick(sample));
    else piece = r.pick(PROSE);
    if (sentence === 0) piece = piece.charAt(0).toUpperCase() + piece.slice(1);
    sentence = (sentence + 1) % (8 + r.int(12));
    const end = sentence === 0 ? (r.chance(0.2) ? '.\n\n' : '. ') : r.chance(0.08) ? ', ' : ' ';
    parts.push(piece + end);
    length += piece.length + end.length;
  }
  return parts.join('').slice(0, chars);
}

/** Every `step`-th row of a list, for planting its terms in texts. */
export function sampleRows(
  rows: Iterable<WatchlistEntry>,
  step: number,
  onRow?: (e: WatchlistEntry) => void,
): WatchlistEntry[] {
  const sample: WatchlistEntry[] = [];
  let i = 0;
  for (const row of rows) {
    onRow?.(row);
    if (i++ % step === 0) sample.push(row);
  }
  return sample;
}
