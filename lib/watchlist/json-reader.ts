import { createIssueCollector } from './issues';
import { buildJsonEntry } from './parse-json';
import { createBomStripper, fatalSummary, type ReaderOptions, type ReadSummary, type TextReader } from './reader';
import { createContentHasher, notWatchlistReason } from './sniff';

const SNIFF_CHARS = 8192;
/** One element (or one other root value) larger than this is not a watchlist entry. */
export const MAX_VALUE_CHARS = 4 * 1024 * 1024;

const enum S {
  Root,
  KeyOrEnd,
  Key,
  KeyString,
  Colon,
  Value,
  AfterValue,
  ElemOrClose,
  Elem,
  AfterElem,
  End,
  Capture,
}

const STRING_STOP = /["\\\n]/g;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const INVALID = 'This file is not valid JSON, so nothing was loaded';

/**
 * Reads `{"version", "entries": [...]}` (docs/design.md#file-format) incrementally: the root object is walked
 * character by character and each element of "entries" is cut out and parsed on its own, so
 * memory holds one entry at a time, not the file nor a million-object tree. Bad entries are
 * reported at the line where they start and the rest load; a file that is not JSON, or has no
 * "entries" list, loads nothing. Anything JSON.parse would refuse is refused here too.
 */
export function createJsonReader(options: ReaderOptions): TextReader {
  const stripBom = createBomStripper();
  // The content hash stands in for a version only when none is known (a re-read of a stored list has one).
  const hasher = options.version === undefined ? createContentHasher() : null;
  const issues = createIssueCollector();
  let head: string | null = '';
  let state = S.Root;
  let line = 1;
  let fatal: string | null = null;
  let key = '';
  let rootKeys: string[] = [];
  let entriesSeen = false;
  let version: string | null = null;
  let index = 0;
  let entryCount = 0;
  // String scanning (keys and captured values).
  let inString = false;
  let escaped = false;
  // The value being captured: where it started, what of it came in earlier pieces.
  let captured = '';
  let capLine = 0;
  let capDepth = 0;
  let capPrimitive = false;
  let capIsElement = false;
  let after = S.AfterValue;

  const fail = (message: string) => {
    fatal ??= message;
  };

  function unexpected(c: number): void {
    fail(`${INVALID}: unexpected "${String.fromCharCode(c)}" at line ${line}.`);
  }

  function complete(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      fail(
        `${INVALID}: ${error instanceof Error ? error.message : String(error)} (in the value starting at line ${capLine}).`,
      );
      return;
    }
    if (capIsElement) {
      index += 1;
      const { entry, problem } = buildJsonEntry(value, options.source);
      if (problem !== null) issues.add(capLine, `Entry ${index}: ${problem}.`);
      if (entry) {
        entryCount += 1;
        options.onEntry(entry);
      }
    } else if (key === 'version' && (typeof value === 'string' || typeof value === 'number')) {
      version = String(value);
    }
  }

  function beginCapture(c: number, element: boolean, next: S): void {
    capLine = line;
    capIsElement = element;
    after = next;
    capPrimitive = c !== 123 && c !== 91 && c !== 34; // { [ "
    capDepth = c === 123 || c === 91 ? 1 : 0;
    inString = c === 34;
    escaped = false;
    state = S.Capture;
  }

  /** Walks one piece; returns the start of an unfinished capture within it, or -1. */
  function walk(text: string): number {
    let capStart = state === S.Capture || state === S.KeyString ? 0 : -1;
    for (let i = 0; i < text.length && fatal === null; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line += 1;
      switch (state) {
        case S.Capture: {
          if (capStart < 0) capStart = i;
          let done = false;
          let end = i + 1;
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 92) escaped = true;
            else if (c === 34) {
              inString = false;
              done = capDepth === 0;
            } else {
              // Most of a list is string content: jump to the next character that matters
              // (line breaks included, so lines are still counted).
              STRING_STOP.lastIndex = i + 1;
              const stop = STRING_STOP.exec(text);
              i = (stop ? stop.index : text.length) - 1;
              continue;
            }
          } else if (capPrimitive) {
            if (c === 44 || c === 93 || c === 125 || isSpace(c)) {
              done = true;
              end = i;
            }
          } else if (c === 34) inString = true;
          else if (c === 123 || c === 91) capDepth += 1;
          else if (c === 125 || c === 93) done = --capDepth === 0;
          if (!done) break;
          complete(captured + text.slice(capStart, end));
          captured = '';
          capStart = -1;
          state = after;
          if (end === i) {
            // A primitive ends at the character after it, which belongs to the next state.
            if (c === 10) line -= 1;
            i -= 1;
          }
          break;
        }
        case S.KeyString:
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) {
            key = JSON.parse(`"${captured}${text.slice(capStart, i)}"`) as string;
            captured = '';
            capStart = -1;
            rootKeys.push(key);
            state = S.Colon;
          }
          break;
        default:
          if (isSpace(c)) break;
          step(c);
          // `step` moved the state on; TypeScript cannot see that through the call.
          if ((state as S) === S.KeyString) {
            capStart = i + 1;
            escaped = false;
          } else if ((state as S) === S.Capture) capStart = i;
      }
    }
    return state === S.Capture || state === S.KeyString ? capStart : -1;
  }

  /** One significant character outside any string or captured value. */
  function step(c: number): void {
    switch (state) {
      case S.Root:
        if (c === 123) state = S.KeyOrEnd;
        else if (c === 91) fail('This file is not a watchlist: no "entries" list. Found: a list.');
        else fail('This file is not a watchlist: a JSON watchlist is an object, {"version": …, "entries": [...]}.');
        return;
      case S.KeyOrEnd:
      case S.Key:
        if (c === 34) state = S.KeyString;
        else if (c === 125 && state === S.KeyOrEnd) state = S.End;
        else unexpected(c);
        return;
      case S.Colon:
        if (c === 58) state = S.Value;
        else unexpected(c);
        return;
      case S.Value:
        if (key === 'entries' && c === 91) {
          // JSON.parse would keep the last of two; two lists mean a broken export.
          if (entriesSeen) fail('This file is not a watchlist: it has two "entries" lists.');
          entriesSeen = true;
          state = S.ElemOrClose;
        } else if (key === 'entries') fail('This file is not a watchlist: "entries" is not a list.');
        else beginCapture(c, false, S.AfterValue);
        return;
      case S.AfterValue:
        if (c === 44) state = S.Key;
        else if (c === 125) state = S.End;
        else unexpected(c);
        return;
      case S.ElemOrClose:
      case S.Elem:
        if (c === 93 && state === S.ElemOrClose) state = S.AfterValue;
        else if (c === 93 || c === 44) unexpected(c);
        else beginCapture(c, true, S.AfterElem);
        return;
      case S.AfterElem:
        if (c === 44) state = S.Elem;
        else if (c === 93) state = S.AfterValue;
        else unexpected(c);
        return;
      default:
        unexpected(c);
    }
  }

  function feed(text: string): void {
    const start = walk(text);
    if (start >= 0) {
      captured += text.slice(start);
      if (captured.length > MAX_VALUE_CHARS)
        fail(`This file is not a watchlist: the value starting at line ${capLine} is larger than 4 MB.`);
    }
  }

  return {
    push(piece) {
      const text = stripBom(piece);
      if (text === '') return;
      hasher?.update(text);
      if (fatal !== null) return;
      if (head !== null) {
        head += text;
        if (head.length < SNIFF_CHARS) return;
        const refused = notWatchlistReason(head);
        const held = head;
        head = null;
        if (refused) fail(refused);
        else feed(held);
        return;
      }
      feed(text);
    },
    finish(): ReadSummary {
      const fallback = options.version ?? hasher?.digest() ?? '';
      if (head !== null) {
        const refused = notWatchlistReason(head);
        if (refused) fail(refused);
        else feed(head);
        head = null;
      }
      // A number at the very end of the text has no character after it to end it.
      if (fatal === null && state === S.Capture && capPrimitive) feed(' ');
      let cut: string | null = null;
      if (fatal === null && state !== S.End) {
        const inside =
          state === S.Capture && capIsElement ? `, inside entry ${index + 1} (which starts at line ${capLine})` : '';
        cut = `The JSON ends at line ${line}${inside} before it is complete: its closing brackets never came.`;
        fail(`${INVALID}: it ends before the JSON is complete (was the download cut off?).`);
      }
      if (fatal === null && !entriesSeen) {
        fail(
          `This file is not a watchlist: no "entries" list. Found: keys ${rootKeys.slice(0, 8).join(', ') || 'none'}.`,
        );
      }
      rootKeys = [];
      const v = version ?? fallback;
      // A cut file keeps its count: how much arrived before the cut is worth telling IT.
      if (fatal !== null) return { ...fatalSummary(v, fatal, cut), entryCount: cut === null ? 0 : entryCount };
      if (entryCount === 0) issues.add(0, 'No entries loaded: the "entries" list has no usable entries.');
      return { version: v, entryCount, issues: issues.done(), fatal: null, cut: null };
    },
  };
}
