import type { Level } from '../match/types';

/**
 * Marks matched words with the CSS Custom Highlight API (docs/design.md#highlights): the editor's DOM is never
 * rewritten, so Gmail's or Outlook's editor cannot fight us and long emails stay fast.
 * One Highlight per level, shared by every surface of the page; each surface owns its ranges.
 */
export interface Highlighter {
  /** Replaces the ranges drawn for `owner` (a surface root). */
  set(owner: object, ranges: readonly { range: Range; level: Level }[]): void;
  clear(owner: object): void;
  /** Removes every highlight and the injected style. */
  dispose(): void;
}

const LEVELS: readonly Level[] = ['notice', 'warn', 'critical'];
export const highlightName = (level: Level): string => `matterguard-${level}`;

const STYLE = `
::highlight(matterguard-notice) { background-color: rgba(100, 116, 139, 0.22); }
::highlight(matterguard-warn) { background-color: rgba(245, 158, 11, 0.35); text-decoration: underline wavy #b45309; }
::highlight(matterguard-critical) { background-color: rgba(239, 68, 68, 0.30); text-decoration: underline wavy #b91c1c; }
`;

/**
 * Chromium 105+ and Firefox 140+ ship the API; happy-dom (unit tests) and older browsers do
 * not. There the notice alone names what matched: a highlighter that does nothing is the
 * honest fallback, and rewrapping editor text is exactly what docs/design.md#highlights rules out.
 */
function registry(): HighlightRegistry | null {
  if (typeof CSS === 'undefined' || typeof Highlight === 'undefined' || !('highlights' in CSS)) return null;
  return CSS.highlights;
}

export function createHighlighter(doc: Document): Highlighter {
  const reg = registry();
  const owned = new Map<object, { range: Range; level: Level }[]>();
  if (!reg) {
    return { set() {}, clear() {}, dispose() {} };
  }
  const highlights = new Map<Level, Highlight>();
  for (const level of LEVELS) {
    const h = new Highlight();
    highlights.set(level, h);
    reg.set(highlightName(level), h);
  }
  let style: HTMLStyleElement | null = null;

  const ensureStyle = (): void => {
    if (style?.isConnected) return;
    // The page's stylesheet is where ::highlight() must live: highlights paint the page's text.
    style = doc.createElement('style');
    style.setAttribute('data-matterguard', 'highlight');
    style.textContent = STYLE;
    (doc.head ?? doc.documentElement).append(style);
  };

  const clear = (owner: object): void => {
    for (const { range, level } of owned.get(owner) ?? []) highlights.get(level)?.delete(range);
    owned.delete(owner);
  };

  return {
    set(owner, ranges) {
      clear(owner);
      if (ranges.length === 0) return;
      ensureStyle();
      owned.set(owner, [...ranges]);
      for (const { range, level } of ranges) highlights.get(level)?.add(range);
    },
    clear,
    dispose() {
      for (const level of LEVELS) reg.delete(highlightName(level));
      owned.clear();
      style?.remove();
    },
  };
}
