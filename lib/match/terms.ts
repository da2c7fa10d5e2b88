import { B1, B2, DELIM, SEED1, SEED2 } from './hash';
import { ID_CONT, NAME_CONT, addFlags, addHit, type TableBuilder } from './hash-table';
import { nameVariants, type Variant } from './suffixes';
import { STRIDE, W_H1, W_H2, W_P1, W_P2, createWordBuffer, tokenize, wordQuads } from './tokenize';

/** Kind codes stored in hits; the order is the preference when one target matches twice. */
export const KIND_CLIENT_NUMBER = 0;
export const KIND_MATTER_NUMBER = 1;
export const KIND_CLIENT_NAME = 2;
export const KIND_ALIAS = 3;

export function hitOf(target: number, kind: number): number {
  return (target << 2) | kind;
}

/**
 * Inserts every prefix of a word sequence: NAME_CONT on the proper prefixes, the hit on the
 * whole. Words of a name are joined with DELIM, exactly as the scanner joins text words.
 */
function insertWords(b: TableBuilder, chunks: Variant, hit: number): void {
  let total = 0;
  for (const c of chunks) total += c.length / 4;
  let s1 = SEED1;
  let s2 = SEED2;
  let n = 0;
  for (const quads of chunks) {
    for (let k = 0; k < quads.length; k += 4) {
      if (n > 0) {
        s1 = (Math.imul(s1, B1) + DELIM) | 0;
        s2 = (Math.imul(s2, B2) + DELIM) | 0;
      }
      s1 = (Math.imul(s1, quads[k + 2] ?? 0) + (quads[k] ?? 0)) | 0;
      s2 = (Math.imul(s2, quads[k + 3] ?? 0) + (quads[k + 1] ?? 0)) | 0;
      n++;
      if (n < total) addFlags(b, s1, s2, NAME_CONT);
      else addHit(b, s1, s2, hit);
    }
  }
}

/** Inserts a client name or alias with its legal-suffix variants (see suffixes.ts). */
export function insertName(b: TableBuilder, text: string, hit: number): void {
  const words = wordQuads(text);
  if (words.length === 0) return;
  for (const variant of nameVariants(words)) insertWords(b, variant, hit);
}

const idBuffer = createWordBuffer(16);
const transitions: number[] = [];

/**
 * The keys of an identifier as [s1, s2] pairs: one for each place where a text may split it
 * (its separators and its letter/digit changes), the last pair being the whole identifier.
 * Parts are concatenated without DELIM, so `12345-0001` and `123450001` share the last key.
 */
export function identifierKeys(text: string): Int32Array {
  transitions.length = 0;
  const w = tokenize(text, idBuffer, transitions);
  const keys = new Int32Array((w.count + transitions.length / 5) * 2);
  let s1 = SEED1;
  let s2 = SEED2;
  let t = 0;
  let out = 0;
  for (let j = 0; j < w.count; j++) {
    for (; t < transitions.length && transitions[t] === j; t += 5) {
      keys[out++] = (Math.imul(s1, transitions[t + 3] ?? 0) + (transitions[t + 1] ?? 0)) | 0;
      keys[out++] = (Math.imul(s2, transitions[t + 4] ?? 0) + (transitions[t + 2] ?? 0)) | 0;
    }
    const o = j * STRIDE;
    s1 = (Math.imul(s1, w.data[o + W_P1] ?? 0) + (w.data[o + W_H1] ?? 0)) | 0;
    s2 = (Math.imul(s2, w.data[o + W_P2] ?? 0) + (w.data[o + W_H2] ?? 0)) | 0;
    keys[out++] = s1;
    keys[out++] = s2;
  }
  return keys;
}

/** Inserts identifier keys from `identifierKeys`: ID_CONT on split points, the hit on the whole. */
export function insertIdentifier(b: TableBuilder, keys: Int32Array, hit: number): void {
  const last = keys.length - 2;
  if (last < 0) return;
  for (let k = 0; k < last; k += 2) addFlags(b, keys[k] ?? 0, keys[k + 1] ?? 0, ID_CONT);
  addHit(b, keys[last] ?? 0, keys[last + 1] ?? 0, hit);
}
