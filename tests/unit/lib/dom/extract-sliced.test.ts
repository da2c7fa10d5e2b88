// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { watchChanges } from '@/lib/dom/changes';
import { extractText, extractTextSliced, rangeFor, type ExtractedText, type Slicer } from '@/lib/dom/extract';
import { createSlicer } from '@/lib/dom/slicer';
import { createRandom } from '@/scripts/bench/random';

/**
 * A huge body is read in slices (lib/dom/extract.ts extractTextSliced) so a 5 MB paste never
 * freezes the page. These check it reads exactly what the one-go reading does, offsets
 * included, and never mixes a DOM from before a change with the DOM after it. Slices end on a
 * count here (every look at the clock says "due"), never on time.
 */

/** Every look at the clock ends the slice; `onPause` runs during each pause. */
function everyCheck(onPause: (n: number) => void = () => undefined): Slicer & { pauses: number } {
  const s = {
    pauses: 0,
    due: () => true,
    async pause() {
      s.pauses += 1;
      await Promise.resolve();
      onPause(s.pauses);
    },
  };
  return s;
}

const WORDS = [
  'Acme',
  'Holdings',
  'Ltd',
  '12345-0001',
  'Project',
  'Falcon',
  'we',
  'act',
  'for',
  'the',
  'é',
  '\u{1F600}',
  ' ',
  '  ',
  '\n',
];
const INLINE = ['B', 'I', 'SPAN', 'A', 'FONT', 'U'];
const BLOCK = ['DIV', 'P', 'LI', 'BLOCKQUOTE', 'H2', 'TD', 'PRE'];

/**
 * An editor DOM full of what extract.ts treats specially: text split across inline elements,
 * empty and whitespace text nodes, <br>, nested and empty blocks, hidden elements (attribute
 * and inline style), script/style/template content, comments.
 */
function tricky(
  doc: Document,
  parent: Node,
  rnd: (n: number) => number,
  depth: number,
  budget: { nodes: number },
): void {
  const count = 1 + rnd(6);
  for (let i = 0; i < count && budget.nodes > 0; i++) {
    budget.nodes -= 1;
    const roll = rnd(100);
    if (roll < 40) {
      // Several adjacent text nodes, some empty: a word can be split anywhere.
      parent.appendChild(doc.createTextNode(rnd(10) === 0 ? '' : WORDS[rnd(WORDS.length)]!));
    } else if (roll < 48) {
      parent.appendChild(doc.createElement('br'));
    } else if (roll < 52) {
      const hidden = doc.createElement(rnd(2) ? 'span' : 'div');
      if (rnd(2)) hidden.setAttribute('hidden', '');
      else hidden.style.display = 'none';
      hidden.textContent = 'secret Acme';
      parent.appendChild(hidden);
    } else if (roll < 55) {
      const skipped = doc.createElement(['script', 'style', 'template', 'noscript'][rnd(4)]!);
      skipped.textContent = 'var acme = 1;';
      parent.appendChild(skipped);
    } else if (roll < 57) {
      parent.appendChild(doc.createComment('Acme'));
    } else if (depth < 8) {
      const el = doc.createElement(roll < 78 ? INLINE[rnd(INLINE.length)]! : BLOCK[rnd(BLOCK.length)]!);
      parent.appendChild(el);
      // Some elements stay empty: an empty block still starts a line.
      if (rnd(8) > 0) tricky(doc, el, rnd, depth + 1, budget);
    }
  }
}

function editor(build: (root: HTMLElement) => void): HTMLElement {
  document.body.innerHTML = '<div contenteditable="true"></div>';
  const root = document.body.firstElementChild as HTMLElement;
  build(root);
  return root;
}

function trickyEditor(seed: number, nodes: number): HTMLElement {
  return editor((root) => {
    const rng = createRandom(seed);
    const rnd = (n: number): number => rng.int(n);
    const budget = { nodes };
    while (budget.nodes > 0) tricky(document, root, rnd, 0, budget);
  });
}

/** The text, and for every segment which node it maps to and where. */
function shape(x: ExtractedText): { text: string; segments: [number, number, Text][] } {
  return { text: x.text, segments: x.segments.map((s) => [s.start, s.length, s.node]) };
}

function expectSameRanges(a: ExtractedText, b: ExtractedText, rnd: (n: number) => number): void {
  for (let k = 0; k < 200; k++) {
    const start = rnd(a.text.length);
    const end = start + 1 + rnd(Math.min(60, a.text.length - start));
    const ra = rangeFor(a, start, end);
    const rb = rangeFor(b, start, end);
    expect(rb === null).toBe(ra === null);
    if (ra && rb) {
      expect([rb.startContainer, rb.startOffset, rb.endContainer, rb.endOffset]).toEqual([
        ra.startContainer,
        ra.startOffset,
        ra.endContainer,
        ra.endOffset,
      ]);
    }
  }
}

describe('a body read in slices', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'reads the same text, with the same offsets, as in one go (tricky DOM, seed %i)',
    async (seed) => {
      const root = trickyEditor(seed, 3_000);
      const whole = extractText(root);
      const slicer = everyCheck();
      const sliced = await extractTextSliced(root, slicer, () => false);
      expect(slicer.pauses).toBeGreaterThan(3);
      expect(shape(sliced!)).toEqual(shape(whole));
      // And the words a scan finds map back onto the very same DOM positions.
      const picks = createRandom(seed + 100);
      expectSameRanges(whole, sliced!, (n) => picks.int(n));
    },
  );

  it('a paste of a thousand paragraphs reads the same, and a match in the last line maps onto it', async () => {
    const root = editor((r) => {
      for (let i = 0; i < 1_000; i++) {
        const div = document.createElement('div');
        div.append(
          `Paragraph ${i} of the pasted document, `,
          Object.assign(document.createElement('b'), { textContent: 'bold' }),
          ' and plain.',
        );
        if (i % 7 === 0) div.append(document.createElement('br'));
        r.append(div);
      }
      const last = document.createElement('div');
      // The matter number split over three nodes, in the very last block.
      last.append('ends with 123', Object.assign(document.createElement('i'), { textContent: '45-00' }), '01');
      r.append(last);
    });
    const slicer = everyCheck();
    const sliced = (await extractTextSliced(root, slicer, () => false))!;
    expect(slicer.pauses).toBeGreaterThan(10);
    expect(shape(sliced)).toEqual(shape(extractText(root)));
    const at = sliced.text.lastIndexOf('12345-0001');
    expect(at).toBeGreaterThan(sliced.text.length - 20);
    expect(rangeFor(sliced, at, at + 10)?.toString()).toBe('12345-0001');
  });

  it('one huge text node among small ones reads whole', async () => {
    const big = 'Acme Holdings '.repeat(100_000);
    const root = editor((r) => {
      for (let i = 0; i < 300; i++) r.append(Object.assign(document.createElement('p'), { textContent: `p${i}` }));
      r.append(big);
      for (let i = 0; i < 300; i++) r.append(document.createElement('br'), `line ${i}`);
    });
    const sliced = (await extractTextSliced(root, everyCheck(), () => false))!;
    expect(shape(sliced)).toEqual(shape(extractText(root)));
    expect(sliced.text).toContain(big);
  });

  it('a small body is read at once: no pause with the real slicer', async () => {
    const root = trickyEditor(9, 200);
    let paused = 0;
    // A clock that never moves: whatever the machine's speed, no slice is ever over.
    const slicer = createSlicer({ now: () => 0, pause: () => Promise.resolve(void paused++) });
    const sliced = await extractTextSliced(root, slicer, () => false);
    expect(paused).toBe(0);
    expect(shape(sliced!)).toEqual(shape(extractText(root)));
  });

  it('the real slicer pauses once a slice has had its share of the clock', async () => {
    const root = trickyEditor(10, 3_000);
    let clock = 0;
    let paused = 0;
    // A clock that moves 1 ms per look: a slice of 8 ms ends at the eighth look.
    const slicer = createSlicer({ sliceMs: 8, now: () => clock++, pause: () => Promise.resolve(void paused++) });
    const sliced = await extractTextSliced(root, slicer, () => false);
    expect(paused).toBeGreaterThan(3);
    expect(shape(sliced!)).toEqual(shape(extractText(root)));
  });
});

describe('a body that changes while it is read in slices', () => {
  it.each([
    [
      'text typed into a node already read',
      (root: HTMLElement) => ((root.firstElementChild!.firstChild as Text).data += ' typed'),
    ],
    [
      'a paragraph added at the start',
      (root: HTMLElement) =>
        root.prepend(Object.assign(document.createElement('div'), { textContent: 'new first line' })),
    ],
    ['a paragraph removed ahead of the walk', (root: HTMLElement) => root.lastElementChild!.remove()],
    [
      'a text node split in two (an editor inserting a <b>)',
      (root: HTMLElement) => (root.children[5]!.firstChild as Text).splitText(3),
    ],
  ])('gives no text at all, never a mix of before and after: %s', async (_what, change) => {
    const root = editor((r) => {
      for (let i = 0; i < 500; i++)
        r.append(Object.assign(document.createElement('div'), { textContent: `line ${i}` }));
    });
    const watch = watchChanges([root]);
    const sliced = await extractTextSliced(
      root,
      everyCheck((n) => n === 2 && change(root)),
      () => watch.changed(),
    );
    watch.stop();
    expect(sliced).toBeNull();
  });

  it('a change between pauses that are not yet delivered to observers still counts', () => {
    const root = editor((r) => r.append('Acme'));
    const watch = watchChanges([root]);
    (root.firstChild as Text).data = 'Acme Holdings';
    // No await: the observer's callback has not run yet.
    expect(watch.changed()).toBe(true);
    watch.stop();
  });

  it('ignores changes elsewhere in the page', async () => {
    const root = editor((r) => {
      for (let i = 0; i < 300; i++)
        r.append(Object.assign(document.createElement('div'), { textContent: `line ${i}` }));
    });
    const watch = watchChanges([root]);
    const sliced = await extractTextSliced(
      root,
      everyCheck(() => document.body.append('elsewhere')),
      () => watch.changed(),
    );
    watch.stop();
    expect(sliced?.text).toBe(extractText(root).text);
  });
});
