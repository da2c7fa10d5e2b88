/**
 * Per-character folding (docs/design.md#normalisation): compatibility decomposition (NFKD, so full-width digits and
 * ligatures become plain ones), diacritics removed, full case folding (ß = ss), invisible
 * characters dropped. Each UTF-16 code unit is folded once and the result cached in a table, so
 * the scanner's hot loop is one typed-array read per character and never builds strings.
 *
 * A table entry packs a class (low 4 bits) and a payload (the folded code point, or the index of
 * a multi-character expansion). 0 means "not computed yet".
 */

/** A letter: part of a word. */
export const LETTER = 1;
/** A digit: part of a word; a letter/digit change inside a word is an identifier boundary. */
export const DIGIT = 2;
/** Anything else that separates words (punctuation, symbols, emoji). */
export const SEP = 3;
/** A separator that may stand between identifier parts: one of `-._/`, a dash, or whitespace. */
export const ID_SEP = 4;
/** Invisible (zero-width spaces, joiners, BOM, soft hyphen): neither a letter nor a break. */
export const DROP = 5;
/**
 * A combining mark (a diacritic typed separately): removed like DROP, but a mark right after a
 * word belongs to its last letter, so it is part of the highlighted text.
 */
export const MARK = 6;
/**
 * Folds to several atoms (ß, ﬁ, ½), or is a letter of a script written without spaces (Han,
 * Hiragana, Katakana), which becomes [BOUNDARY, letter, BOUNDARY]: a word of its own, so a
 * Japanese or Chinese name is found in a sentence without spaces. Payload: `expansionAt` index.
 */
export const EXPAND = 7;
/** A high surrogate: the scanner combines it with the next code unit (see `astralEntry`). */
export const HIGH = 8;
/** Only inside expansions: ends a word without counting as a separator between words. */
export const BOUNDARY = 9;

export const CLASS_MASK = 15;
export const PAYLOAD_SHIFT = 4;

const table = new Int32Array(0x10000);
const expansions: Int32Array[] = [];
const astral = new Map<number, number>();

const MARKS = /\p{M}/gu;
const MARK_RE = /^\p{M}$/u;
const FORMAT = /^\p{Cf}$/u;
const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{N}$/u;
const SOLO_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
// U+2010-2015 are the hyphens and dashes word processors substitute for `-` ("12345–0001").
const ID_SEP_RE = /^[-._/\s\u2010-\u2015\u2212]$/u;

/**
 * Letters without a decomposition that readers still treat as accented forms of a plain letter
 * (Ørsted = Orsted, Łódź = Lodz), and ligature letters spelled as two.
 */
const EXTRA: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ŧ: 't', æ: 'ae', œ: 'oe' };
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'g');

function foldOnce(s: string): string {
  const decomposed = s.normalize('NFKD').replace(MARKS, '');
  // Upper then lower gives full case folding where toLowerCase alone does not (ß -> SS -> ss,
  // ς -> Σ -> σ); decomposing again strips marks that case mapping can reintroduce (ǰ).
  const cased = decomposed.toUpperCase().toLowerCase().normalize('NFKD').replace(MARKS, '');
  return cased.replace(EXTRA_RE, (ch) => EXTRA[ch] ?? ch);
}

/** The folded form of a string: what both watchlist terms and texts become. */
export function foldString(s: string): string {
  // Repeat until stable so folding is idempotent: ẞ -> ß on the first pass, ss on the second.
  let folded = s;
  for (let k = 0; k < 4; k++) {
    const next = foldOnce(folded);
    if (next === folded) break;
    folded = next;
  }
  return folded;
}

function classify(ch: string): number[] {
  const cp = ch.codePointAt(0) ?? 0;
  if (SOLO_RE.test(ch)) return [BOUNDARY, (cp << PAYLOAD_SHIFT) | LETTER, BOUNDARY];
  if (LETTER_RE.test(ch)) return [(cp << PAYLOAD_SHIFT) | LETTER];
  if (DIGIT_RE.test(ch)) return [(cp << PAYLOAD_SHIFT) | DIGIT];
  if (FORMAT.test(ch)) return [DROP];
  if (ID_SEP_RE.test(ch)) return [ID_SEP];
  return [SEP];
}

function computeEntry(cp: number): number {
  const ch = String.fromCodePoint(cp);
  // Format characters (ZWSP, ZWJ, word joiner, BOM, soft hyphen, bidi marks) are invisible.
  if (FORMAT.test(ch)) return DROP;
  const folded = foldString(ch);
  if (folded.length === 0) return MARK_RE.test(ch) ? MARK : DROP;
  const atoms = Array.from(folded).flatMap(classify);
  if (atoms.length === 1) return atoms[0] ?? SEP;
  expansions.push(Int32Array.from(atoms));
  return ((expansions.length - 1) << PAYLOAD_SHIFT) | EXPAND;
}

/** The table the scanner reads directly; entries are filled by `fillEntry`. */
export const foldTable: Int32Array = table;

/** Computes and caches the entry of one UTF-16 code unit. */
export function fillEntry(codeUnit: number): number {
  let entry: number;
  if (codeUnit >= 0xd800 && codeUnit <= 0xdbff) entry = HIGH;
  else if (codeUnit >= 0xdc00 && codeUnit <= 0xdfff)
    entry = SEP; // lone low surrogate
  else entry = computeEntry(codeUnit);
  table[codeUnit] = entry;
  return entry;
}

/** The entry of a supplementary-plane code point (math alphanumerics, emoji, rare CJK). */
export function astralEntry(codePoint: number): number {
  let entry = astral.get(codePoint);
  if (entry === undefined) {
    entry = computeEntry(codePoint);
    astral.set(codePoint, entry);
  }
  return entry;
}

/** The atoms (single-character entries) of an EXPAND entry's payload. */
export function expansionAt(index: number): Int32Array {
  const atoms = expansions[index];
  if (atoms === undefined) throw new Error(`No fold expansion ${index}`);
  return atoms;
}
