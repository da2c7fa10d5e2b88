import { B1, B2, DELIM, SEED1, SEED2 } from './hash';
import { NAME_CONT, TERM, addFlags, addHit, type TableBuilder } from './hash-table';
import { nameForms } from './name-forms';
import { nameShape, type NameShape } from './suffixes';
import { STRIDE, W_H1, createWordBuffer, tokenize } from './tokenize';

/**
 * Inserting a name computes what it does to the term table, independent of whom it names:
 * [s1, s2, op] per key, op NAME_CONT (a longer spelling goes on from here) or TERM (a spelling
 * ends here), and the words of its longest spelling. A million-row compile inserts ~200,000
 * names, so this works in reused buffers, with no object per name.
 */
interface Recorder {
  ops: Int32Array;
  length: number;
  words: number;
}

function record(r: Recorder, s1: number, s2: number, op: number): void {
  if (r.length + 3 > r.ops.length) {
    const grown = new Int32Array(r.ops.length * 2);
    grown.set(r.ops);
    r.ops = grown;
  }
  r.ops[r.length++] = s1;
  r.ops[r.length++] = s2;
  r.ops[r.length++] = op;
}

/** One step of a key: the key of a word sequence extended by one word (DELIM between words, see hash.ts). */
const step1 = (s: number, words: number, h: number, p: number): number =>
  (Math.imul(words > 0 ? (Math.imul(s, B1) + DELIM) | 0 : s, p) + h) | 0;
const step2 = (s: number, words: number, h: number, p: number): number =>
  (Math.imul(words > 0 ? (Math.imul(s, B2) + DELIM) | 0 : s, p) + h) | 0;

/**
 * The paths of a name's shape from `level` on, after `words` words with key (s1, s2). Each
 * distinct prefix is recorded once, however many suffix spellings share it.
 */
function recordLevels(r: Recorder, shape: NameShape, level: number, s1: number, s2: number, words: number): void {
  const choices = shape.levels[level];
  if (level >= shape.minKeep) record(r, s1, s2, TERM);
  if (choices === undefined) {
    if (words > r.words) r.words = words;
    return;
  }
  record(r, s1, s2, NAME_CONT);
  for (const quads of choices) {
    let t1 = s1;
    let t2 = s2;
    let n = words;
    for (let k = 0; k < quads.length; k += 4) {
      if (k > 0) record(r, t1, t2, NAME_CONT);
      const h1 = quads[k] ?? 0;
      const h2 = quads[k + 1] ?? 0;
      t1 = step1(t1, n, h1, quads[k + 2] ?? 0);
      t2 = step2(t2, n, h2, quads[k + 3] ?? 0);
      n++;
    }
    recordLevels(r, shape, level + 1, t1, t2, n);
  }
}

const formWords = createWordBuffer(16);
let quads = new Int32Array(64);

/** The words of a form as [h1, h2, p1, p2] quads in the shared `quads` buffer; returns their length. */
function fillQuads(form: string): number {
  const w = tokenize(form, formWords);
  const length = w.count * 4;
  if (quads.length < length) quads = new Int32Array(length * 2);
  const data = w.data;
  for (let k = 0; k < w.count; k++) {
    const o = k * STRIDE + W_H1;
    // W_H1, W_H2, W_P1, W_P2 are consecutive fields.
    quads[k * 4] = data[o] ?? 0;
    quads[k * 4 + 1] = data[o + 1] ?? 0;
    quads[k * 4 + 2] = data[o + 2] ?? 0;
    quads[k * 4 + 3] = data[o + 3] ?? 0;
  }
  return length;
}

function recordName(r: Recorder, text: string): void {
  for (const form of nameForms(text)) {
    const length = fillQuads(form);
    if (length === 0) continue;
    const shape = nameShape(quads, length);
    let s1 = SEED1;
    let s2 = SEED2;
    let n = 0;
    for (let k = 0; k < shape.baseEnd; k += 4) {
      if (k > 0) record(r, s1, s2, NAME_CONT);
      s1 = step1(s1, n, quads[k] ?? 0, quads[k + 2] ?? 0);
      s2 = step2(s2, n, quads[k + 1] ?? 0, quads[k + 3] ?? 0);
      n++;
    }
    recordLevels(r, shape, 0, s1, s2, n);
  }
}

// A name listed again on the next row (a former name on each of its client's rows) is worked
// out once: the last name's ops stay in the scratch buffer.
const scratch: Recorder = { ops: new Int32Array(192), length: 0, words: 0 };
let lastText: string | null = null;

/** Inserts a client name or alias in its other spellings (name-forms.ts), each with its legal-suffix variants (suffixes.ts). */
export function insertName(b: TableBuilder, text: string, hit: number): void {
  if (text !== lastText) {
    scratch.length = 0;
    scratch.words = 0;
    recordName(scratch, text);
    lastText = text;
  }
  const ops = scratch.ops;
  for (let k = 0; k < scratch.length; k += 3) {
    if (ops[k + 2] === TERM) addHit(b, ops, k, hit);
    else addFlags(b, ops, k, NAME_CONT);
  }
  if (scratch.words > b.maxWords) b.maxWords = scratch.words;
}
