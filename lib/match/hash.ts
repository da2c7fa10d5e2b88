/**
 * Two independent 32-bit polynomial hashes (mod 2^32) over folded character codes. Polynomial
 * hashes compose: hash(a + b) = hash(a) * BASE^len(b) + hash(b). So each text word is hashed once
 * and a word sequence's hash is built by combining words, never by re-reading characters:
 * - a name (words with anything between them) mixes DELIM between words;
 * - an identifier (parts with at most one separator between them) concatenates its parts, so
 *   `12345-0001`, `12345 0001` and `123450001` hash the same.
 * Every key starts from a seed, so a term's key is `seed * BASE^len + hash(term)`.
 * Together the two hashes are ~62 bits: a false hit is about 1 in 10^18 per lookup.
 */
export const B1 = 0x01000193;
export const B2 = 0x5bd1e995 | 0;
export const SEED1 = 0x2f6b3a91 | 0;
export const SEED2 = 0x7ac4c1e5 | 0;
/** Stands between the words of a name; above every code point, so no word contains it. */
export const DELIM = 0x110000;

/** Mixes a key's two hashes (murmur3's finaliser): the low bits of a polynomial hash are weak. */
export function mixKey(s1: number, s2: number): number {
  let h = s1 ^ Math.imul(s2, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Slot of a mixed key in a table of any capacity (< 2^29): multiply-shift instead of a
 * power-of-two mask, so the table is sized to its keys and not rounded up to twice as large.
 */
export function slotOf(mixed: number, capacity: number): number {
  return Math.floor(((mixed >>> 8) * capacity) / 16777216);
}

/** Word of a mixed key in a filter of `words` 32-bit words (a power of two). */
export function filterWord(mixed: number, words: number): number {
  return (mixed >>> 10) & (words - 1);
}

/**
 * The two bits a key sets in its filter word: a blocked Bloom filter, one memory access per
 * lookup, about half the false positives of one bit per key for the same size.
 */
export function filterBits(mixed: number): number {
  return (1 << (mixed & 31)) | (1 << ((mixed >>> 5) & 31));
}
