import { KINDS, type CompiledWatchlist } from './compiled';
import { B1, B2, DELIM, SEED1, SEED2 } from './hash';
import { ID_CONT, NAME_CONT, TERM, forEachHit, lookup } from './hash-table';
import { KIND_MATTER_NUMBER } from './terms';
import { STRIDE, W_END, W_H1, W_H2, W_JOIN, W_P1, W_P2, W_START, createWordBuffer, type WordBuffer } from './tokenize';
import { tokenizeText } from './tokenize-text';
import type { TextMatch } from './types';

// Reused by every scan: scanning is synchronous, and tokenising then allocates nothing per word.
const words = createWordBuffer(1024);
// After a huge paste the buffer is given back rather than kept for the worker's lifetime.
const KEEP_WORDS = 1 << 16;

function hasIdentifierHit(value: number, multi: Int32Array): boolean {
  let found = false;
  forEachHit(value, multi, (hit) => (found ||= (hit & 3) <= KIND_MATTER_NUMBER));
  return found;
}

/** The longest name starting at word i: [end word, value] or null. Words may be apart by anything. */
function longestName(c: CompiledWatchlist, w: WordBuffer, i: number, s1: number, s2: number): [number, number] | null {
  let best: [number, number] | null = null;
  const d = w.data;
  for (let j = i + 1; j < w.count; j++) {
    const o = j * STRIDE;
    s1 = (Math.imul((Math.imul(s1, B1) + DELIM) | 0, d[o + W_P1] as number) + (d[o + W_H1] as number)) | 0;
    s2 = (Math.imul((Math.imul(s2, B2) + DELIM) | 0, d[o + W_P2] as number) + (d[o + W_H2] as number)) | 0;
    const v = lookup(c, s1, s2);
    if ((v & TERM) !== 0) best = [j, v];
    if ((v & NAME_CONT) === 0) break;
  }
  return best;
}

/**
 * The longest identifier starting at word i and spanning several words: the parts must be apart
 * by exactly one separator (`joinable`), and since the parts concatenate into one hash, a split
 * the listed identifier does not have never reaches a key.
 */
function longestIdentifier(
  c: CompiledWatchlist,
  w: WordBuffer,
  i: number,
  s1: number,
  s2: number,
): [number, number] | null {
  let best: [number, number] | null = null;
  const d = w.data;
  for (let j = i + 1; j < w.count && d[j * STRIDE + W_JOIN] === 1; j++) {
    const o = j * STRIDE;
    s1 = (Math.imul(s1, d[o + W_P1] as number) + (d[o + W_H1] as number)) | 0;
    s2 = (Math.imul(s2, d[o + W_P2] as number) + (d[o + W_H2] as number)) | 0;
    const v = lookup(c, s1, s2);
    // A multi-part key may equal a one-word name's key ("123450001"): only identifiers count.
    if ((v & TERM) !== 0 && hasIdentifierHit(v, c.multi)) best = [j, v];
    if ((v & ID_CONT) === 0) break;
  }
  return best;
}

/** Adds the hits of `value` to `seen` (target -> kind), preferring the lower kind code. */
function collect(value: number, multi: Int32Array, identifiersOnly: boolean, seen: Map<number, number>): void {
  forEachHit(value, multi, (hit) => {
    const kind = hit & 3;
    if (identifiersOnly && kind > KIND_MATTER_NUMBER) return;
    const prior = seen.get(hit >>> 2);
    if (prior === undefined || kind < prior) seen.set(hit >>> 2, kind);
  });
}

/**
 * Finds every watched term in `text` (docs/design.md#detection), sorted by start, with offsets in the original
 * text. At each start the longest term wins, a match inside an earlier longer one is dropped,
 * and each target is reported once per span.
 */
export function scanText(compiled: CompiledWatchlist, text: string): TextMatch[] {
  const w = tokenizeText(text, words);
  const out: TextMatch[] = [];
  let coveredTo = -1;
  const d = w.data;
  for (let i = 0; i < w.count; i++) {
    const o = i * STRIDE;
    const s1 = (Math.imul(SEED1, d[o + W_P1] as number) + (d[o + W_H1] as number)) | 0;
    const s2 = (Math.imul(SEED2, d[o + W_P2] as number) + (d[o + W_H2] as number)) | 0;
    const v = lookup(compiled, s1, s2);
    if (v === 0) continue;
    const name = (v & NAME_CONT) !== 0 ? longestName(compiled, w, i, s1, s2) : null;
    const id = (v & ID_CONT) !== 0 ? longestIdentifier(compiled, w, i, s1, s2) : null;
    const single: [number, number] | null = (v & TERM) !== 0 ? [i, v] : null;
    const last = Math.max(name?.[0] ?? -1, id?.[0] ?? -1, single?.[0] ?? -1);
    if (last < 0) continue;
    const end = d[last * STRIDE + W_END] as number;
    if (end <= coveredTo) continue;
    coveredTo = end;
    const seen = new Map<number, number>();
    if (name?.[0] === last) collect(name[1], compiled.multi, false, seen);
    if (id?.[0] === last) collect(id[1], compiled.multi, true, seen);
    if (single?.[0] === last) collect(single[1], compiled.multi, false, seen);
    const start = d[o + W_START] as number;
    const matched = text.slice(start, end);
    for (const [entryIndex, kind] of seen) {
      out.push({ start, end, text: matched, kind: KINDS[kind] ?? 'alias', entryIndex });
    }
  }
  if (w.data.length > KEEP_WORDS * STRIDE) w.data = createWordBuffer(1024).data;
  return out;
}
