import { mountFixture, readFixture } from './fixture-page';

/**
 * Loads a chat fixture folder (tests/fixtures/<dir>: index.html and fixture.js, the page the
 * end-to-end tests serve at the real host) into happy-dom; see ../fixture-loader.ts.
 */
export function loadFixture<F>(dir: string, url: string): F {
  return mountFixture<F>(url, readFixture(`${dir}/index.html`, [`${dir}/fixture.js`]));
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
