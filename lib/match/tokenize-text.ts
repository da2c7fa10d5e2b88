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
import {
  POW1,
  POW2,
  POW_CACHE,
  STRIDE,
  W_END,
  W_H1,
  W_H2,
  W_JOIN,
  W_P1,
  W_P2,
  W_START,
  grow,
  powerOf,
  type WordBuffer,
} from './tokenize';

/**
 * `tokenize` for scanning texts, with the same result (tests/unit/match/tokenize-text.test.ts),
 * kept as a separate function on purpose: V8 optimises a function for what it has seen, and the
 * compile feeds `tokenize` a million short names full of ß and ligatures (the slow path) plus
 * identifier splits; a scan with that shared function ran at ~70 MB/s instead of ~100 MB/s
 * (measured: scripts/bench). Runs of plain letters and of plain separators take inner loops.
 */
export function tokenizeText(text: string, out: WordBuffer): WordBuffer {
  const n = text.length;
  // Prose has a word every ~6 characters: size once for a long text rather than doubling often.
  if (out.data.length / STRIDE < n / 6) out.data = new Int32Array(Math.ceil(n / 6) * STRIDE);
  const table = foldTable;
  let data = out.data;
  let cap = data.length / STRIDE;
  let count = 0;
  let inWord = false;
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
      }
      h1 = (Math.imul(h1, B1) + (entry >>> PAYLOAD_SHIFT)) | 0;
      h2 = (Math.imul(h2, B2) + (entry >>> PAYLOAD_SHIFT)) | 0;
      len++;
      we = i;
      // Fast path: the rest of a word of plain letters and digits, one table read each.
      if (queue === null) {
        while (i < n) {
          const next = table[text.charCodeAt(i)] as number;
          if (next === 0 || (next & CLASS_MASK) > DIGIT) break;
          h1 = (Math.imul(h1, B1) + (next >>> PAYLOAD_SHIFT)) | 0;
          h2 = (Math.imul(h2, B2) + (next >>> PAYLOAD_SHIFT)) | 0;
          len++;
          we = ++i;
        }
      }
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
        // Fast path: a run of plain separators (spaces, punctuation) between words.
        if (queue === null) {
          while (i < n) {
            const next = (table[text.charCodeAt(i)] as number) & CLASS_MASK;
            if (next !== SEP && next !== ID_SEP) break;
            gap++;
            gapJoin = next === ID_SEP ? 1 : 0;
            i++;
          }
        }
      }
    }
  }
  out.count = count;
  return out;
}
