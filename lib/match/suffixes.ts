import { wordQuads } from './tokenize';

/**
 * Legal-form suffixes (DESIGN 4): each group lists spellings that mean the same form. Written
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

/** Spellings by the h1 of their last word, so a name's last word finds its candidates at once. */
let byLastWord: Map<number, Spelling[]> | null = null;
let groupSpellings: Int32Array[][] = [];

function spellingsEndingWith(h1: number): readonly Spelling[] {
  if (byLastWord === null) {
    byLastWord = new Map();
    groupSpellings = GROUPS.map((group) => group.map(wordQuads));
    groupSpellings.forEach((group, g) => {
      for (const words of group) {
        const key = words[words.length - 4] ?? 0;
        byLastWord?.set(key, [...(byLastWord.get(key) ?? []), { group: g, words }]);
      }
    });
  }
  return byLastWord.get(h1) ?? [];
}

function endsWith(words: Int32Array, end: number, spelling: Int32Array): boolean {
  const from = end - spelling.length;
  for (let k = 0; k < spelling.length; k++) if (words[from + k] !== spelling[k]) return false;
  return true;
}

/** A term to insert: word quads in chunks that are matched one after the other. */
export type Variant = Int32Array[];

/**
 * The word sequences that count as this name: the name as listed, with each legal suffix in any
 * of its spellings, and, when at least two other words remain (so `Apple Inc` never becomes
 * `apple`), with trailing suffixes dropped.
 */
export function nameVariants(words: Int32Array): Variant[] {
  const peeled: { options: Int32Array[]; listed: Int32Array }[] = [];
  let end = words.length;
  for (;;) {
    let best: Spelling | null = null;
    for (const sp of spellingsEndingWith(words[end - 4] ?? 0)) {
      // A suffix is only peeled if at least one word stays in front of it.
      const longer = best === null || sp.words.length > best.words.length;
      if (sp.words.length < end && longer && endsWith(words, end, sp.words)) best = sp;
    }
    if (best === null) break;
    peeled.unshift({ options: groupSpellings[best.group] ?? [best.words], listed: best.words });
    end -= best.words.length;
  }
  const base = words.subarray(0, end);
  const variants: Variant[] = [];
  for (let keep = peeled.length; keep >= 0; keep--) {
    if (keep < peeled.length && base.length < 8) break; // fewer than 2 base words: no dropping
    let forms: Variant[] = [[base]];
    for (const { options, listed } of peeled.slice(0, keep)) {
      const choices = forms.length * options.length > MAX_VARIANTS ? [listed] : options;
      forms = forms.flatMap((f) => choices.map((c) => [...f, c]));
    }
    variants.push(...forms);
  }
  return variants;
}
