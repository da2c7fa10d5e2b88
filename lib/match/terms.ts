import { B1, B2, SEED1, SEED2 } from './hash';
import { ID_CONT, addFlags, addHitAt, hitsAtSlot, slotFor, type TableBuilder } from './hash-table';
import { CLASS_MASK, DIGIT, ID_SEP, LETTER, PAYLOAD_SHIFT, SEP, fillEntry, foldTable } from './normalize';
import { STRIDE, W_H1, W_H2, W_P1, W_P2, createWordBuffer, powerOf, tokenize } from './tokenize';

export { insertName } from './name-terms';

/** Kind codes stored in hits; the order is the preference when one target matches twice. */
export const KIND_CLIENT_NUMBER = 0;
export const KIND_MATTER_NUMBER = 1;
export const KIND_CLIENT_NAME = 2;
export const KIND_ALIAS = 3;

export function hitOf(target: number, kind: number): number {
  return (target << 2) | kind;
}

const idBuffer = createWordBuffer(16);
const transitions: number[] = [];

/** Keys of one identifier, in a buffer reused by the next call: use them before computing more. */
export interface IdentifierKeys {
  /** [s1, s2] pairs, `length` numbers in all. */
  data: Int32Array;
  length: number;
}

const keysOut: IdentifierKeys = { data: new Int32Array(32), length: 0 };

/**
 * The keys of an identifier as [s1, s2] pairs: one for each place where a text may split it
 * (its separators and its letter/digit changes), the last pair being the whole identifier.
 * Parts are concatenated without DELIM, so `12345-0001` and `123450001` share the last key.
 * A compile asks this for a million matter numbers: the result lives in a shared buffer.
 */
export function identifierKeys(text: string): IdentifierKeys {
  return plainIdentifierKeys(text) ?? identifierKeysOfWords(text);
}

function reserveKeys(needed: number): Int32Array {
  if (keysOut.data.length < needed) keysOut.data = new Int32Array(needed * 2);
  return keysOut.data;
}

/**
 * identifierKeys for an identifier of ASCII letters, digits and separators (nearly every client
 * and matter number), in one pass without the word buffer: the same keys as the tokenizer path
 * (tests/unit/match/identifier-keys.test.ts), which takes everything else. Null when the text
 * has another character.
 */
export function plainIdentifierKeys(text: string): IdentifierKeys | null {
  const n = text.length;
  // At most a key per character: a word or a letter/digit change each start at one.
  const keys = reserveKeys(2 * n + 2);
  let out = 0;
  let s1 = SEED1;
  let s2 = SEED2;
  let h1 = 0;
  let h2 = 0;
  let len = 0;
  let lastClass = 0;
  for (let i = 0; i <= n; i++) {
    let cls = SEP;
    let payload = 0;
    if (i < n) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) return null;
      let entry = foldTable[code] ?? 0;
      if (entry === 0) entry = fillEntry(code);
      cls = entry & CLASS_MASK;
      if (cls !== LETTER && cls !== DIGIT && cls !== SEP && cls !== ID_SEP) return null;
      payload = entry >>> PAYLOAD_SHIFT;
    }
    if (cls === LETTER || cls === DIGIT) {
      if (len > 0 && cls !== lastClass) {
        // A letter/digit change inside a word: a text may split the identifier here.
        keys[out++] = (Math.imul(s1, powerOf(B1, len)) + h1) | 0;
        keys[out++] = (Math.imul(s2, powerOf(B2, len)) + h2) | 0;
      }
      lastClass = cls;
      h1 = (Math.imul(h1, B1) + payload) | 0;
      h2 = (Math.imul(h2, B2) + payload) | 0;
      len++;
    } else if (len > 0) {
      s1 = (Math.imul(s1, powerOf(B1, len)) + h1) | 0;
      s2 = (Math.imul(s2, powerOf(B2, len)) + h2) | 0;
      keys[out++] = s1;
      keys[out++] = s2;
      h1 = 0;
      h2 = 0;
      len = 0;
    }
  }
  keysOut.length = out;
  return keysOut;
}

/** identifierKeys through the tokenizer: any text. */
export function identifierKeysOfWords(text: string): IdentifierKeys {
  transitions.length = 0;
  const w = tokenize(text, idBuffer, transitions);
  const keys = reserveKeys((w.count + transitions.length / 5) * 2);
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
  keysOut.length = out;
  return keysOut;
}

/**
 * Inserts identifier keys from `identifierKeys`: ID_CONT on split points, a hit on the whole.
 * The hit may depend on what the whole key already holds (`hitFor` sees its hits: a matter
 * listed again joins its earlier target), so the key is looked up once for both.
 */
export function insertIdentifier(
  b: TableBuilder,
  ids: IdentifierKeys,
  hitFor: number | ((hits: readonly number[]) => number),
): void {
  const keys = ids.data;
  const last = ids.length - 2;
  if (last < 0) return;
  if (ids.length / 2 > b.maxWords) b.maxWords = ids.length / 2;
  for (let k = 0; k < last; k += 2) addFlags(b, keys, k, ID_CONT);
  const slot = slotFor(b, keys, last);
  addHitAt(b, slot, typeof hitFor === 'number' ? hitFor : hitFor(hitsAtSlot(b, slot)));
}
