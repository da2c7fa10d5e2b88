import { B1, B2, DELIM, SEED1, SEED2 } from './hash';
import { NAME_CONT, TERM, addFlags, addHit, type TableBuilder } from './hash-table';
import { nameForms } from './name-forms';
import { nameShape, type NameShape } from './suffixes';
import { wordQuads } from './tokenize';

/**
 * What inserting a name does to the term table, independent of whom it names: [s1, s2, op]
 * per key, op NAME_CONT (a longer spelling goes on from here) or TERM (a spelling ends here),
 * and the words of its longest spelling.
 */
interface NameOps {
  ops: Int32Array;
  words: number;
}

/** The key of a word sequence extended by word k of `quads` (DELIM between words, see hash.ts). */
function extend(state: Int32Array, quads: Int32Array, k: number): void {
  let s1 = state[0] ?? 0;
  let s2 = state[1] ?? 0;
  if ((state[2] ?? 0) > 0) {
    s1 = (Math.imul(s1, B1) + DELIM) | 0;
    s2 = (Math.imul(s2, B2) + DELIM) | 0;
  }
  state[0] = (Math.imul(s1, quads[k + 2] ?? 0) + (quads[k] ?? 0)) | 0;
  state[1] = (Math.imul(s2, quads[k + 3] ?? 0) + (quads[k + 1] ?? 0)) | 0;
  state[2] = (state[2] ?? 0) + 1;
}

interface Recorder {
  ops: number[];
  words: number;
}

/**
 * The paths of a name's shape from `level` on, `state` being [s1, s2, words] after the words so
 * far. Each distinct prefix is recorded once, however many suffix spellings share it.
 */
function recordLevels(r: Recorder, shape: NameShape, level: number, state: Int32Array): void {
  const choices = shape.levels[level];
  if (level >= shape.minKeep) r.ops.push(state[0] ?? 0, state[1] ?? 0, TERM);
  if (choices === undefined) {
    r.words = Math.max(r.words, state[2] ?? 0);
    return;
  }
  r.ops.push(state[0] ?? 0, state[1] ?? 0, NAME_CONT);
  for (const quads of choices) {
    const next = state.slice();
    for (let k = 0; k < quads.length; k += 4) {
      if (k > 0) r.ops.push(next[0] ?? 0, next[1] ?? 0, NAME_CONT);
      extend(next, quads, k);
    }
    recordLevels(r, shape, level + 1, next);
  }
}

function computeOps(text: string): NameOps {
  const r: Recorder = { ops: [], words: 0 };
  for (const form of nameForms(text)) {
    const words = wordQuads(form);
    if (words.length === 0) continue;
    const shape = nameShape(words);
    const state = Int32Array.of(SEED1, SEED2, 0);
    for (let k = 0; k < shape.base.length; k += 4) {
      if (k > 0) r.ops.push(state[0] ?? 0, state[1] ?? 0, NAME_CONT);
      extend(state, shape.base, k);
    }
    recordLevels(r, shape, 0, state);
  }
  return { ops: Int32Array.from(r.ops), words: r.words };
}

// A ticker or code name repeats on every matter row of its client: worked out once.
const recent = new Map<string, NameOps>();
const RECENT = 256;

/** Inserts a client name or alias in its other spellings (name-forms.ts), each with its legal-suffix variants (suffixes.ts). */
export function insertName(b: TableBuilder, text: string, hit: number): void {
  let name = recent.get(text);
  if (name === undefined) {
    if (recent.size >= RECENT) recent.clear();
    recent.set(text, (name = computeOps(text)));
  }
  const ops = name.ops;
  for (let k = 0; k < ops.length; k += 3) {
    if (ops[k + 2] === TERM) addHit(b, ops[k] ?? 0, ops[k + 1] ?? 0, hit);
    else addFlags(b, ops[k] ?? 0, ops[k + 1] ?? 0, NAME_CONT);
  }
  if (name.words > b.maxWords) b.maxWords = name.words;
}
