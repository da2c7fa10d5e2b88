/**
 * Text of a rich-text editor as the reader sees it (DESIGN 4 "Text split across DOM nodes"),
 * with a map from each offset back to the Text node it came from, so a match found in the text
 * can be drawn as a DOM Range without touching the editor's DOM (DESIGN 6).
 *
 * Inline elements (`<b>Acme</b> Holdings`) join without a separator; block elements and <br>
 * become line breaks, like `innerText` does. `innerText` itself is not used: it cannot say where
 * each character came from, and it forces a style recalculation on every call.
 */

/** A run of the extracted text copied verbatim from one Text node. */
interface Segment {
  /** Offset of the run in the extracted text. */
  start: number;
  node: Text;
  /** The node's length when extracted; a node that changed since is not mapped. */
  length: number;
}

export interface ExtractedText {
  readonly text: string;
  /** Runs in text order; the synthetic line breaks between blocks belong to none. */
  readonly segments: readonly Segment[];
}

/** Elements whose content a reader never sees as text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

/** Elements that start a new line (HTML's default display: block/list-item/table-row…). */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

function hidden(el: Element): boolean {
  // Inline style and the `hidden` attribute only: computed style would cost a layout per node.
  return el.hasAttribute('hidden') || (el instanceof HTMLElement && el.style.display === 'none');
}

export function extractText(root: Node): ExtractedText {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  // Whether the text so far ends a line, so nested blocks add one break, not several.
  let atLineStart = true;

  const breakLine = (): void => {
    if (atLineStart) return;
    parts.push('\n');
    length += 1;
    atLineStart = true;
  };

  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      segments.push({ start: length, node: node as Text, length: data.length });
      parts.push(data);
      length += data.length;
      atLineStart = false;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const el = node as Element;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (SKIPPED.has(el.tagName) || hidden(el)) return;
      if (el.tagName === 'BR') {
        // A <br> always ends a line, even an empty one.
        parts.push('\n');
        length += 1;
        atLineStart = true;
        return;
      }
    }
    const block = BLOCKS.has(el.tagName);
    if (block) breakLine();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) breakLine();
  };

  for (let child = root.firstChild; child; child = child.nextSibling) visit(child);
  return { text: parts.join(''), segments };
}

/**
 * The segment holding a start offset (or the first after it, when the offset is a synthetic
 * line break), or holding an end offset (or the last before it).
 */
function segmentAt(segments: readonly Segment[], at: number, side: 'start' | 'end'): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    const end = s.start + s.length;
    // An end offset belongs to the segment it closes, a start offset to the one it opens.
    if (side === 'start' ? at < s.start : at <= s.start) hi = mid - 1;
    else if (side === 'start' ? at >= end : at > end) lo = mid + 1;
    else return s;
  }
  return side === 'start' ? segments[lo] : segments[hi];
}

/**
 * A live Range over `[start, end)` of the extracted text, or null when the nodes have changed
 * since (the next scan will bring fresh positions).
 */
export function rangeFor(extracted: ExtractedText, start: number, end: number): Range | null {
  if (end <= start) return null;
  const first = segmentAt(extracted.segments, start, 'start');
  const last = segmentAt(extracted.segments, end, 'end');
  if (!first || !last || first.start >= end || last.start + last.length <= start) return null;
  for (const s of [first, last]) {
    if (!s.node.isConnected || s.node.data.length !== s.length) return null;
  }
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, Math.max(0, start - first.start));
  range.setEnd(last.node, Math.min(last.length, end - last.start));
  return range;
}
