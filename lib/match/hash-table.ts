import { filterBits, filterWord, mixKey, slotOf } from './hash';

/**
 * Open-addressing table (linear probing) keyed by two 32-bit hashes, stored in one Int32Array as
 * [key1, key2, value] triples so it survives structured clone into IndexedDB unchanged.
 *
 * A value packs flags (low 4 bits) and a payload:
 * - NAME_CONT / ID_CONT: some longer name / identifier starts with this key, so keep extending;
 * - TERM: a term ends here; the payload is one hit, or with MULTI an offset into `multi`
 *   where [count, hit, hit, ...] is stored.
 * A hit is (target << 2) | kind code. Value 0 marks an empty slot (every key has a flag).
 *
 * Most words of a text are in no term, and with linear probing a miss walks a whole cluster, so
 * a small filter (8+ bits per key, two of them set: ~5% false positives) rejects most misses first.
 */
export const NAME_CONT = 1;
export const ID_CONT = 2;
export const TERM = 4;
export const MULTI = 8;
const FLAGS = 15;
const MAX_LOAD = 0.8;

export interface HashTable {
  /** [key1, key2, value] per slot; the capacity is table.length / 3. */
  table: Int32Array;
  /** Bit set of all keys; its length is a power of two. */
  filter: Int32Array;
  multi: Int32Array;
}

/** The value stored for (s1, s2), or 0 when absent. The scanner's only table access. */
export function lookup(t: HashTable, s1: number, s2: number): number {
  const h = mixKey(s1, s2);
  const bits = filterBits(h);
  if (((t.filter[filterWord(h, t.filter.length)] ?? 0) & bits) !== bits) return 0;
  const table = t.table;
  const size = table.length;
  let i = slotOf(h, size / 3) * 3;
  for (;;) {
    const v = table[i + 2] ?? 0;
    if (v === 0) return 0;
    if (table[i] === s1 && table[i + 1] === s2) return v;
    i += 3;
    if (i === size) i = 0;
  }
}

/** Calls `visit` with each hit of a TERM value. */
export function forEachHit(value: number, multi: Int32Array, visit: (hit: number) => void): void {
  if ((value & TERM) === 0) return;
  if ((value & MULTI) === 0) {
    visit(value >>> 4);
    return;
  }
  const at = value >>> 4;
  const count = multi[at] ?? 0;
  for (let k = 1; k <= count; k++) visit(multi[at + k] ?? 0);
}

/** Mutable table used while compiling; `finishTable` turns it into plain data. */
export interface TableBuilder {
  table: Int32Array;
  count: number;
  /** Hit lists of keys with several hits, indexed by the payload of MULTI values. */
  lists: number[][];
  /** Words (name words or identifier parts) of the longest term inserted: how far a term reaches. */
  maxWords: number;
}

export function createTableBuilder(expectedKeys: number): TableBuilder {
  const capacity = Math.max(1024, Math.ceil(expectedKeys / MAX_LOAD));
  return { table: new Int32Array(capacity * 3), count: 0, lists: [], maxWords: 0 };
}

function findSlot(b: TableBuilder, s1: number, s2: number): number {
  const t = b.table;
  let i = slotOf(mixKey(s1, s2), t.length / 3) * 3;
  while (t[i + 2] !== 0 && (t[i] !== s1 || t[i + 1] !== s2)) {
    i += 3;
    if (i === t.length) i = 0;
  }
  return i;
}

function rehash(b: TableBuilder, capacity: number): void {
  const old = b.table;
  b.table = new Int32Array(capacity * 3);
  for (let i = 0; i < old.length; i += 3) {
    if (old[i + 2] === 0) continue;
    const at = findSlot(b, old[i] ?? 0, old[i + 1] ?? 0);
    b.table.set(old.subarray(i, i + 3), at);
  }
}

/**
 * Slot of the key at keys[k], keys[k + 1], inserting it (with no flags yet) when absent. Valid
 * until the next insert. Keys are passed as an array and an index, not as two numbers: a 32-bit
 * hash is not a small integer to the engine, and passing it to a call would box it (a million
 * rows made ~100 MB of such boxes).
 */
export function slotFor(b: TableBuilder, keys: ArrayLike<number>, k: number): number {
  const s1 = keys[k] ?? 0;
  const s2 = keys[k + 1] ?? 0;
  let at = findSlot(b, s1, s2);
  if (b.table[at + 2] !== 0) return at;
  if (b.count + 1 > (b.table.length / 3) * MAX_LOAD) {
    rehash(b, (b.table.length / 3) * 2);
    at = findSlot(b, s1, s2);
  }
  b.table[at] = s1;
  b.table[at + 1] = s2;
  b.count++;
  return at;
}

/** Marks the key at keys[k] as a prefix of longer terms (NAME_CONT or ID_CONT). */
export function addFlags(b: TableBuilder, keys: ArrayLike<number>, k: number, flags: number): void {
  const at = slotFor(b, keys, k);
  b.table[at + 2] = (b.table[at + 2] ?? 0) | flags;
}

const scratch: number[] = [0];
const NO_HITS: readonly number[] = Object.freeze([]);

/** The hits stored in a slot so far. The array may be shared: read it before the next call, never keep it. */
export function hitsAtSlot(b: TableBuilder, slot: number): readonly number[] {
  const v = b.table[slot + 2] ?? 0;
  if ((v & TERM) === 0) return NO_HITS;
  if ((v & MULTI) !== 0) return b.lists[v >>> 4] ?? [];
  scratch[0] = v >>> 4;
  return scratch;
}

/**
 * Records that a term ends at the key at keys[k] with `hit`. A key reports each target once:
 * when the target is already there, the preferred kind (lower code) is kept.
 */
export function addHit(b: TableBuilder, keys: ArrayLike<number>, k: number, hit: number): void {
  addHitAt(b, slotFor(b, keys, k), hit);
}

/** addHit for a slot from `slotFor`. */
export function addHitAt(b: TableBuilder, at: number, hit: number): void {
  const v = b.table[at + 2] ?? 0;
  const flags = v & FLAGS;
  if ((v & TERM) === 0) {
    b.table[at + 2] = (hit << 4) | flags | TERM;
    return;
  }
  let list: number[];
  if ((v & MULTI) === 0) {
    list = [v >>> 4];
  } else {
    list = b.lists[v >>> 4] ?? [];
  }
  const same = list.findIndex((h) => h >>> 2 === hit >>> 2);
  if (same >= 0) {
    if ((hit & 3) < ((list[same] ?? 0) & 3)) list[same] = hit;
  } else {
    list.push(hit);
  }
  if (list.length === 1) {
    b.table[at + 2] = ((list[0] ?? 0) << 4) | (flags & ~MULTI) | TERM;
  } else if ((v & MULTI) === 0) {
    b.lists.push(list);
    b.table[at + 2] = ((b.lists.length - 1) << 4) | flags | MULTI | TERM;
  }
}

/**
 * Shrinks the table to its keys when the estimate was generous, and replaces list indexes by
 * offsets into one flat Int32Array.
 */
export function finishTable(b: TableBuilder): HashTable {
  const fitted = Math.max(1024, Math.ceil(b.count / MAX_LOAD));
  if (fitted < (b.table.length / 3) * 0.8) rehash(b, fitted);
  const offsets = new Int32Array(b.lists.length);
  let size = 0;
  b.lists.forEach((list, k) => {
    offsets[k] = size;
    size += 1 + list.length;
  });
  const multi = new Int32Array(size);
  b.lists.forEach((list, k) => {
    const at = offsets[k] ?? 0;
    multi[at] = list.length;
    multi.set(list, at + 1);
  });
  const t = b.table;
  let bits = 1 << 16;
  while (bits < b.count * 8) bits *= 2;
  const filter = new Int32Array(bits / 32);
  for (let i = 0; i < t.length; i += 3) {
    const v = t[i + 2] ?? 0;
    if (v === 0) continue;
    if ((v & MULTI) !== 0) t[i + 2] = ((offsets[v >>> 4] ?? 0) << 4) | (v & FLAGS);
    const h = mixKey(t[i] ?? 0, t[i + 1] ?? 0);
    const word = filterWord(h, filter.length);
    filter[word] = (filter[word] ?? 0) | filterBits(h);
  }
  return { table: t, filter, multi };
}
