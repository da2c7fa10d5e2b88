import { B1 } from './hash';
import { wordQuads } from './tokenize';

/**
 * Legal-form suffixes (docs/design.md#names): each group lists spellings that mean the same form. Written
 * folded (lower case, no diacritics, punctuation as spaces: `S.A.` is "s a"), and run through the
 * same tokenizer as everything else.
 */
const GROUPS: readonly string[][] = [
  ['ltd', 'limited'],
  ['inc', 'incorporated'],
  ['corp', 'corporation'],
  ['co', 'company'],
  ['llc', 'l l c'],
  ['llp', 'l l p'],
  ['lp', 'l p'],
  ['plc', 'p l c'],
  ['gmbh', 'gesellschaft mit beschrankter haftung'],
  ['ag', 'aktiengesellschaft'],
  ['sa', 's a', 'societe anonyme', 'sociedad anonima'],
  ['sas', 's a s', 'societe par actions simplifiee'],
  ['sarl', 's a r l', 'societe a responsabilite limitee'],
  ['nv', 'n v', 'naamloze vennootschap'],
  ['bv', 'b v', 'besloten vennootschap'],
  ['spa', 's p a', 'societa per azioni'],
  ['srl', 's r l', 'societa a responsabilita limitata'],
  ['pty ltd', 'pty limited', 'proprietary limited', 'pty'],
  ['pte ltd', 'pte limited', 'private limited', 'pte'],
  ['kg', 'kommanditgesellschaft'],
  ['se', 'societas europaea'],
  ['ab', 'aktiebolag', 'aktiebolaget'],
  ['as', 'a s', 'aksjeselskap', 'aktieselskab'],
  ['asa', 'allmennaksjeselskap'],
  ['oy', 'osakeyhtio'],
  ['oyj', 'julkinen osakeyhtio'],
  ['kk', 'kabushiki kaisha'],
  ['ltda', 'limitada'],
];

/** Beyond this many spellings of one name, extra suffix groups keep only their listed spelling. */
const MAX_VARIANTS = 64;

interface Spelling {
  group: number;
  words: Int32Array;
}

/**
 * Spellings by the h1 of their last word, so a name's last word finds its candidates at once.
 * Keyed by the low 30 bits (a small integer to the engine); endsWith checks the whole word.
 */
let byLastWord: Map<number, Spelling[]> | null = null;
let groupSpellings: Int32Array[][] = [];
const lastWordKey = (h1: number): number => h1 & 0x3fffffff;

function spellingsEndingWith(h1: number): readonly Spelling[] | undefined {
  if (byLastWord === null) {
    byLastWord = new Map();
    groupSpellings = GROUPS.map((group) => group.map(wordQuads));
    groupSpellings.forEach((group, g) => {
      for (const words of group) {
        const key = lastWordKey(words[words.length - 4] ?? 0);
        byLastWord?.set(key, [...(byLastWord.get(key) ?? []), { group: g, words }]);
      }
    });
  }
  return byLastWord.get(lastWordKey(h1));
}

function endsWith(words: Int32Array, end: number, spelling: Int32Array): boolean {
  const from = end - spelling.length;
  for (let k = 0; k < spelling.length; k++) if (words[from + k] !== spelling[k]) return false;
  return true;
}

/** Latin letters written alone ("I.B.M."): a run of them is one word, an acronym. */
function isLoneLatinLetter(words: Int32Array, k: number): boolean {
  // A one-character word's hash is its code point, and its BASE^length is B1 itself.
  return words[k + 2] === B1 && (words[k] ?? 0) < 0x250;
}

/** Words of a name among its first `end` quad entries, a run of lone letters counting as one. */
function distinctWords(words: Int32Array, end: number): number {
  let count = 0;
  for (let k = 0; k < end; k += 4) {
    if (!(k > 0 && isLoneLatinLetter(words, k) && isLoneLatinLetter(words, k - 4))) count++;
  }
  return count;
}

/**
 * The word sequences that count as a name, as a small tree: the base words, then, level by
 * level, the spellings of each legal suffix the name ends with (at most MAX_VARIANTS paths).
 * A path may stop after `minKeep` levels: the name with trailing suffixes dropped, allowed only
 * while two words remain (so `Apple Inc` never becomes `apple`).
 */
export interface NameShape {
  /** The base words are the name's quads before this index (a multiple of 4). */
  baseEnd: number;
  levels: Int32Array[][];
  minKeep: number;
}

const NO_LEVELS: Int32Array[][] = [];

/** The shape of a name given as [h1, h2, p1, p2] quads, the first `length` entries of `words`. */
export function nameShape(words: Int32Array, length = words.length): NameShape {
  let end = length;
  let levels = NO_LEVELS;
  let listed: Int32Array[] | null = null;
  for (;;) {
    let best: Spelling | null = null;
    for (const sp of spellingsEndingWith(words[end - 4] ?? 0) ?? []) {
      // A suffix is only peeled if at least one word stays in front of it.
      const longer = best === null || sp.words.length > best.words.length;
      if (sp.words.length < end && longer && endsWith(words, end, sp.words)) best = sp;
    }
    if (best === null) break;
    if (levels === NO_LEVELS) {
      levels = [];
      listed = [];
    }
    levels.unshift(groupSpellings[best.group] ?? [best.words]);
    listed?.unshift(best.words);
    end -= best.words.length;
  }
  let paths = 1;
  for (let i = 0; i < levels.length; i++) {
    const options = levels[i] ?? [];
    // Beyond MAX_VARIANTS paths, further suffixes keep only the spelling the name has.
    if (paths * options.length > MAX_VARIANTS) levels[i] = [listed?.[i] ?? new Int32Array(0)];
    paths *= (levels[i] ?? []).length;
  }
  // Words left after dropping all but the first `keep` suffixes, each kept suffix counting as
  // one: "Crane & Co" (from "Crane & Co LLP") has two; "Apple" (from "Apple Inc") and "I B M"
  // (from "I.B.M. Corp") have one and are never matched alone.
  const minKeep = Math.min(levels.length, Math.max(0, 2 - distinctWords(words, end)));
  return { baseEnd: end, levels, minKeep };
}
