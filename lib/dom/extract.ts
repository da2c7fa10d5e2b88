/**
 * Text of a rich-text editor as the reader sees it (docs/design.md#text-across-elements),
 * with a map from each offset back to the Text node it came from, so a match found in the text
 * can be drawn as a DOM Range without touching the editor's DOM (docs/design.md#highlights).
 *
 * Inline elements (`<b>Acme</b> Holdings`) join without a separator; block elements and <br>
 * become line breaks, like `innerText` does. `innerText` itself is not used: it cannot say where
 * each character came from, and it forces a style recalculation on every call.
 *
 * A huge body (a 5 MB paste) is read in slices with pauses between them (`extractTextSliced`),
 * and this file imports nothing: the benchmark loads it into a page as it is (scripts/bench).
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
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

function hidden(el: Element): boolean {
  // Inline style and the `hidden` attribute only: computed style would cost a layout per node.
  return el.hasAttribute('hidden') || (el instanceof HTMLElement && el.style.display === 'none');
}

/**
 * Work units between two looks at the clock: one per node, one more per 4 KB of text. A node
 * costs a few microseconds in Chromium, so a slice overruns its share by well under a
 * millisecond, and a small body never looks at the clock at all.
 */
const CHECK_EVERY = 64;
/** Parts of the text joined into one string at a time (see createWalk). */
const JOIN_EVERY = 4096;

/** Decides when a sliced extraction pauses, and lets the page run meanwhile (lib/dom/slicer.ts). */
export interface Slicer {
  /** Whether the current slice has had its share of the main thread. */
  due(): boolean;
  /** Lets the page handle input and paint, then starts a new slice. */
  pause(): Promise<void>;
}

/**
 * A walk over `root` in document order that can stop between two nodes and go on later. It
 * holds only a pointer to the next node: the caller must not resume it over a DOM that changed
 * meanwhile (extractTextSliced watches for that), since the pointer would be meaningless.
 */
function createWalk(root: Node): { run(due: () => boolean): boolean; result(): ExtractedText } {
  // Joined a few thousand at a time, in the slice that read them: joining a 5 MB body's parts
  // all at the end would be one more long stretch in the last slice.
  const chunks: string[] = [];
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  // Whether the text so far ends a line, so nested blocks add one break, not several.
  let atLineStart = true;
  let next: Node | null = root.firstChild;

  const breakLine = (): void => {
    if (atLineStart) return;
    parts.push('\n');
    length += 1;
    atLineStart = true;
  };

  /** The node after `node`'s subtree, closing the blocks that end there. */
  const after = (node: Node): Node | null => {
    for (let n = node; ;) {
      if (n.nextSibling) return n.nextSibling;
      const parent = n.parentNode;
      if (!parent || parent === root) return null;
      // Only entered elements have their children walked: not skipped, not hidden.
      if (BLOCKS.has((parent as Element).tagName)) breakLine();
      n = parent;
    }
  };

  return {
    /** Walks to the end (true), or until `due()` says this slice is over (false). */
    run(due) {
      let work = 0;
      while (next) {
        if (work >= CHECK_EVERY) {
          work = 0;
          if (due()) return false;
        }
        const node: Node = next;
        work += 1;
        let child: Node | null = null;
        if (node.nodeType === Node.TEXT_NODE) {
          const data = (node as Text).data;
          if (data.length > 0) {
            segments.push({ start: length, node: node as Text, length: data.length });
            parts.push(data);
            length += data.length;
            atLineStart = false;
            work += data.length >> 12;
            if (parts.length >= JOIN_EVERY) {
              chunks.push(parts.join(''));
              parts.length = 0;
            }
          }
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          const el = node as Element;
          if (SKIPPED.has(el.tagName) || hidden(el)) {
            // Not read, nor anything inside it.
          } else if (el.tagName === 'BR') {
            // A <br> always ends a line, even an empty one.
            parts.push('\n');
            length += 1;
            atLineStart = true;
          } else {
            const block = BLOCKS.has(el.tagName);
            if (block) breakLine();
            child = el.firstChild;
            // An empty block still starts a line; its closing break would add nothing more.
          }
        }
        next = child ?? after(node);
      }
      return true;
    },
    result: () => ({ text: [...chunks, parts.join('')].join(''), segments }),
  };
}

/** The text of `root` in one go: for small fields, and wherever the answer is needed now. */
export function extractText(root: Node): ExtractedText {
  const walk = createWalk(root);
  walk.run(() => false);
  return walk.result();
}

/**
 * The same text as `extractText`, taken in slices with pauses between them, so a huge body (a
 * 5 MB paste) never holds the page for longer than a slice. A body that fits in one slice
 * (nearly all of them) is read at once, with no pause and no added latency.
 *
 * `changed()` is asked after every pause: if the DOM changed meanwhile, the walk is abandoned
 * and the answer is null, never a text mixing the old DOM and the new.
 */
export async function extractTextSliced(
  root: Node,
  slicer: Slicer,
  changed: () => boolean,
): Promise<ExtractedText | null> {
  const walk = createWalk(root);
  while (!walk.run(() => slicer.due())) {
    await slicer.pause();
    if (changed()) return null;
  }
  return walk.result();
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
