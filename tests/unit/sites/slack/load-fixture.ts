import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads a chat fixture folder (tests/fixtures/<dir>, the page the end-to-end tests serve at the
 * real host) into happy-dom and runs its page script, as gmail-fixture.ts does for Gmail.
 */
export function loadFixture<F>(dir: string, url: string): F {
  const root = resolve(__dirname, '../../../fixtures', dir);
  const html = readFileSync(resolve(root, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*><\/script>/g, '')
    .replace(/<link\b[^>]*>/g, '');
  const script = readFileSync(resolve(root, 'fixture.js'), 'utf8');
  const win = window as unknown as Window & { happyDOM: { setURL(url: string): void }; __fixture: F };
  win.happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function(script)();
  return win.__fixture;
}

export interface ChatPost {
  kind: string;
  channel?: string;
  text: string;
  files: string[];
  via: 'enter' | 'button';
  trusted: boolean;
}

/** Types text into a contenteditable as the page would see it: content, then `input`. */
export function typeInto(editor: HTMLElement, text: string): void {
  const block = editor.lastElementChild ?? editor;
  block.append(text);
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}
