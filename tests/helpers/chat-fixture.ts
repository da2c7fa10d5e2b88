import { loadFixture } from './fixture-page';

export { typeInto } from './fixture-page';

/**
 * Loads a chat fixture folder (tests/fixtures/<dir>: index.html and fixture.js, the page the
 * end-to-end tests serve at the real host) into happy-dom; see fixture-page.ts.
 */
export function loadChat<F>(dir: string, url: string): F {
  return loadFixture<F>(url, `${dir}/index.html`, [`${dir}/fixture.js`]);
}

export interface ChatPost {
  kind: string;
  channel?: string;
  text: string;
  files: string[];
  via: 'enter' | 'button';
  trusted: boolean;
}
