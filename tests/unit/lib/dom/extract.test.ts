// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText, rangeFor } from '@/lib/dom/extract';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
  return document.body.firstElementChild as HTMLElement;
}

describe('text as the reader sees it', () => {
  it.each([
    ['inline formatting joins words', '<b>Acme</b> Holdings', 'Acme Holdings'],
    ['a word split inside', 'Ac<i>me</i> <span>Hold</span>ings', 'Acme Holdings'],
    ['blocks become lines', '<div>Acme</div><div>Holdings</div>', 'Acme\nHoldings\n'],
    ['<br> becomes a line break', 'Acme<br>Holdings', 'Acme\nHoldings'],
    ['nested blocks break once', '<div><div><p>Acme</p></div></div>Holdings', 'Acme\nHoldings'],
    ['an empty line from <div><br></div>', '<div>a</div><div><br></div><div>b</div>', 'a\n\nb\n'],
    [
      'hidden and script content is not read',
      'A<span style="display:none">secret</span>B<script>x</script><span hidden>y</span>',
      'AB',
    ],
    ['list items are lines', '<ul><li>12345-0001</li><li>Falcon</li></ul>', '12345-0001\nFalcon\n'],
  ])('%s', (_what, html, text) => {
    expect(extractText(editor(html)).text).toBe(text);
  });
});

describe('offsets back to the DOM', () => {
  it('turns a match across nodes into a Range over exactly those words', () => {
    const root = editor('<div>We act for <b>Acme</b> Holdings Ltd</div><div>on 12345-0001.</div>');
    const extracted = extractText(root);
    for (const words of ['Acme Holdings Ltd', '12345-0001', 'act for Acme']) {
      const start = extracted.text.indexOf(words);
      const range = rangeFor(extracted, start, start + words.length);
      expect(range?.toString()).toBe(words);
    }
  });

  it('spans a line break between blocks', () => {
    const root = editor('<div>Project</div><div>Falcon</div>');
    const extracted = extractText(root);
    expect(extracted.text).toBe('Project\nFalcon\n');
    const range = rangeFor(extracted, 0, 'Project\nFalcon'.length)!;
    expect(range.startContainer.textContent).toBe('Project');
    expect(range.endContainer.textContent).toBe('Falcon');
    expect(range.endOffset).toBe('Falcon'.length);
  });

  it('gives no range once the text it was taken from has changed', () => {
    const root = editor('Acme <b>Holdings</b>');
    const extracted = extractText(root);
    (root.querySelector('b')!.firstChild as Text).data = 'Holdings plc';
    expect(rangeFor(extracted, 0, 'Acme Holdings'.length)).toBeNull();
    expect(rangeFor(extracted, 0, 4)?.toString()).toBe('Acme');
  });

  it('gives no range for an empty or out-of-text span', () => {
    const extracted = extractText(editor('Acme'));
    expect(rangeFor(extracted, 2, 2)).toBeNull();
    expect(rangeFor(extracted, 10, 12)).toBeNull();
  });
});

describe('surface keys', () => {
  it('names each compose surface once and keeps the name, so the background can rescan only what changed', async () => {
    const { surfaceKeyOf } = await import('@/lib/guard/snapshot');
    const a = document.createElement('div');
    const b = document.createElement('div');
    expect(surfaceKeyOf(a)).toBe(surfaceKeyOf(a));
    expect(surfaceKeyOf(a)).not.toBe(surfaceKeyOf(b));
  });
});
