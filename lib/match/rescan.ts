import type { CompiledWatchlist } from './compiled';
import { CLASS_MASK, ID_SEP, SEP, fillEntry, foldTable } from './normalize';
import { scanText } from './scan';
import type { TextMatch } from './types';

/** A text and the matches `scanText` (or `rescanChanged`) found in it. */
export interface ScannedText {
  text: string;
  matches: readonly TextMatch[];
}

/**
 * Whether the code unit surely separates words. Everything else counts as part of a word here,
 * even invisible characters, marks, surrogates and characters that fold to several (ß, CJK):
 * counting too few word breaks only widens the rescanned window, never narrows it.
 */
function separates(code: number): boolean {
  const cls = (foldTable[code] || fillEntry(code)) & CLASS_MASK;
  return (cls === SEP || cls === ID_SEP) && (code < 0xdc00 || code > 0xdfff);
}

/**
 * Start of the `words`-th word before `at`, not counting the word `at` is in: every character
 * before the result is either a separator or further back, so the tokenizer starting there
 * sees the same words as over the whole text.
 */
function wordsBefore(text: string, at: number, words: number): number {
  let i = at;
  while (i > 0 && !separates(text.charCodeAt(i - 1))) i--;
  for (let k = 0; k < words && i > 0; k++) {
    while (i > 0 && separates(text.charCodeAt(i - 1))) i--;
    while (i > 0 && !separates(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/** End of the `words`-th word after `at`, not counting the word `at` is in (mirror of wordsBefore). */
function wordsAfter(text: string, at: number, words: number): number {
  const n = text.length;
  let i = at;
  while (i < n && !separates(text.charCodeAt(i))) i++;
  for (let k = 0; k < words && i < n; k++) {
    while (i < n && separates(text.charCodeAt(i))) i++;
    while (i < n && !separates(text.charCodeAt(i))) i++;
  }
  return i;
}

const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Lengths of the common prefix and suffix of two texts, not overlapping and not splitting a surrogate pair. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && prefix < max && isLow(b.charCodeAt(prefix))) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(b.charCodeAt(b.length - suffix))) suffix--;
  return { prefix, suffix };
}

/**
 * The matches of `nextText`, found by rescanning only around what changed since `prev` (docs/design.md#detection
 * "while typing, rescan only what changed"); always equal to `scanText(compiled, nextText)`.
 *
 * A term spans at most `maxTermWords` words, so a change can only alter matches that start
 * within that many words of it; and whether a match is kept (not inside a longer one) depends
 * on terms starting up to that many words before it. So the changed words are rescanned with
 * twice that margin on each side, matches starting within one margin are taken from the
 * rescan, and all others are the previous ones, moved by the change in length.
 */
export function rescanChanged(compiled: CompiledWatchlist, prev: ScannedText, nextText: string): TextMatch[] {
  if (prev.text === nextText) return [...prev.matches];
  const { prefix, suffix } = commonEnds(prev.text, nextText);
  const changedEnd = nextText.length - suffix;
  const reach = Math.max(1, compiled.maxTermWords) + 1;
  const from = wordsBefore(nextText, prefix, 2 * reach);
  const to = wordsAfter(nextText, changedEnd, 2 * reach);
  // A change that touches most of the text (a paste replacing it, a cleared field) costs less as one scan.
  if (to - from > nextText.length / 2) return scanText(compiled, nextText);
  const keepBefore = wordsBefore(nextText, prefix, reach);
  const keepAfter = wordsAfter(nextText, changedEnd, reach);
  const shift = nextText.length - prev.text.length;
  const out: TextMatch[] = [];
  for (const m of prev.matches) {
    if (m.start >= keepBefore) break;
    out.push(m);
  }
  for (const m of scanText(compiled, nextText.slice(from, to))) {
    const start = m.start + from;
    if (start >= keepBefore && start < keepAfter) out.push({ ...m, start, end: m.end + from });
  }
  for (const m of prev.matches) {
    if (m.start + shift >= keepAfter) out.push({ ...m, start: m.start + shift, end: m.end + shift });
  }
  return out;
}
