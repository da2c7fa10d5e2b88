import { B1, B2 } from './hash';
import {
  BOUNDARY,
  CLASS_MASK,
  DIGIT,
  DROP,
  EXPAND,
  HIGH,
  ID_SEP,
  MARK,
  PAYLOAD_SHIFT,
  SEP,
  astralEntry,
  expansionAt,
  fillEntry,
  foldTable,
} from './normalize';

/** Fields of a word in `WordBuffer.data`, at `index * STRIDE + field`. */
export const W_START = 0;
export const W_END = 1;
export const W_H1 = 2;
export const W_H2 = 3;
export const W_P1 = 4;
export const W_P2 = 5;
export const W_JOIN = 6;
export const STRIDE = 8;

/**
 * The words of a text: maximal runs of letters and digits after folding (docs/design.md#normalisation), reused from
 * scan to scan so tokenising allocates nothing per word. Per word, in one interleaved array:
 * original start (inclusive) and end (exclusive, after the last letter or digit), the two
 * polynomial hashes of the folded word (hash.ts), BASE^length for each, and JOIN = 1 when
 * exactly one identifier separator (`-._/`, a dash, whitespace) stands before the word.
 */
export interface WordBuffer {
  count: number;
  data: Int32Array;
}

export function createWordBuffer(capacity = 256): WordBuffer {
  return { count: 0, data: new Int32Array(capacity * STRIDE) };
}

export const POW_CACHE = 64;
export const POW1 = new Int32Array(POW_CACHE);
export const POW2 = new Int32Array(POW_CACHE);
POW1[0] = 1;
POW2[0] = 1;
for (let k = 1; k < POW_CACHE; k++) {
  POW1[k] = Math.imul(POW1[k - 1] ?? 0, B1);
  POW2[k] = Math.imul(POW2[k - 1] ?? 0, B2);
}

/** base^length mod 2^32 (base B1 or B2). */
export function powerOf(base: number, length: number): number {
  const table = base === B1 ? POW1 : POW2;
  if (length < POW_CACHE) return table[length] as number;
  let p = table[POW_CACHE - 1] as number;
  for (let k = POW_CACHE - 1; k < length; k++) p = Math.imul(p, base);
  return p;
}

/**
 * Splits `text` into words, filling `out`. When `transitions` is given (compiling identifiers),
 * every letter/digit change inside a word is recorded as five numbers: the word's index and the
 * partial h1, h2, p1, p2 up to the change; an identifier may be split there in a text.
 *
 * One table read per code unit. Characters that expand (ß, ﬁ, CJK) are fed in as a queue of
 * atoms sharing one original position; the end of text is a BOUNDARY. Texts are scanned with
 * its twin, tokenizeText (tokenize-text.ts); this one serves the compile.
 */
export function tokenize(text: string, out: WordBuffer, transitions: number[] | null = null): WordBuffer {
  const n = text.length;
  // Prose has a word every ~6 characters: size once for a long text rather than doubling often.
  if (out.data.length / STRIDE < n / 6) out.data = new Int32Array(Math.ceil(n / 6) * STRIDE);
  let data = out.data;
  let cap = data.length / STRIDE;
  let count = 0;
  let inWord = false;
  let lastClass = 0;
  let ws = 0;
  let we = 0;
  let wj = 0;
  let h1 = 0;
  let h2 = 0;
  let len = 0;
  // Non-invisible characters since the last word, and whether the only one is an ID separator.
  let gap = 2;
  let gapJoin = 0;
  // The original character being processed is text[at, i).
  let i = 0;
  let at = 0;
  let queue: Int32Array | null = null;
  let q = 0;
  for (;;) {
    let entry: number;
    if (queue !== null) {
      entry = queue[q++] as number;
      if (q === queue.length) queue = null;
    } else if (i < n) {
      const code = text.charCodeAt(i);
      entry = foldTable[code] as number;
      if (entry === 0) entry = fillEntry(code);
      at = i++;
      if ((entry & CLASS_MASK) >= EXPAND) {
        if (entry === HIGH) {
          const lo = i < n ? text.charCodeAt(i) : 0;
          const paired = lo >= 0xdc00 && lo <= 0xdfff;
          entry = paired ? astralEntry((code - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000) : SEP;
          if (paired) i++;
        }
        if ((entry & CLASS_MASK) === EXPAND) {
          queue = expansionAt(entry >>> PAYLOAD_SHIFT);
          q = 0;
          continue;
        }
      }
    } else if (inWord) {
      entry = BOUNDARY;
    } else {
      break;
    }
    const cls = entry & CLASS_MASK;
    if (cls <= DIGIT) {
      if (!inWord) {
        inWord = true;
        ws = at;
        wj = gap === 1 ? gapJoin : 0;
        h1 = 0;
        h2 = 0;
        len = 0;
      } else if (cls !== lastClass && transitions !== null) {
        transitions.push(count, h1, h2, powerOf(B1, len), powerOf(B2, len));
      }
      lastClass = cls;
      h1 = (Math.imul(h1, B1) + (entry >>> PAYLOAD_SHIFT)) | 0;
      h2 = (Math.imul(h2, B2) + (entry >>> PAYLOAD_SHIFT)) | 0;
      len++;
      we = i;
    } else if (cls === DROP) {
      // Invisible (zero-width, soft hyphen): neither extends nor breaks a word.
    } else if (cls === MARK) {
      if (inWord) we = i;
    } else {
      if (inWord) {
        if (count === cap) {
          out.count = count;
          grow(out);
          data = out.data;
          cap = data.length / STRIDE;
        }
        const o = count * STRIDE;
        data[o + W_START] = ws;
        data[o + W_END] = we;
        data[o + W_H1] = h1;
        data[o + W_H2] = h2;
        data[o + W_P1] = len < POW_CACHE ? (POW1[len] as number) : powerOf(B1, len);
        data[o + W_P2] = len < POW_CACHE ? (POW2[len] as number) : powerOf(B2, len);
        data[o + W_JOIN] = wj;
        count++;
        inWord = false;
        gap = 0;
      }
      if (cls === BOUNDARY) {
        gap = 2;
      } else {
        gap++;
        gapJoin = cls === ID_SEP ? 1 : 0;
      }
    }
  }
  out.count = count;
  return out;
}

export function grow(w: WordBuffer): void {
  const data = new Int32Array(w.data.length * 2);
  data.set(w.data);
  w.data = data;
}

const termBuffer = createWordBuffer(16);

/** A term's words as [h1, h2, p1, p2] quadruples (compile time; allocates). */
export function wordQuads(text: string): Int32Array {
  const w = tokenize(text, termBuffer);
  const quads = new Int32Array(w.count * 4);
  for (let k = 0; k < w.count; k++) quads.set(w.data.subarray(k * STRIDE + W_H1, k * STRIDE + W_P2 + 1), k * 4);
  return quads;
}
