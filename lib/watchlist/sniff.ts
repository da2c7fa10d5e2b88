/**
 * Recognising input that is not a watchlist at all before trying to read it: an expired
 * session at the watchlist URL typically answers 200 with a sign-in page, and a wrong file
 * picked in a dialog may be a spreadsheet or a PDF (docs/design.md#file-format: such a file changes nothing).
 */

const BOM = '\uFEFF';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The first character that is not white space, or '' for a blank text. */
export function firstNonSpace(text: string): string {
  const match = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return match ? match[0] : '';
}

function looksBinary(sample: string): boolean {
  if (sample.includes('\0')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Control characters other than tab, line feed, form feed and carriage return, or U+FFFD
    // (what a UTF-8 decoder makes of bytes that are not UTF-8: XLSX, PDF, UTF-16 without BOM).
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) odd += 1;
  }
  return odd > sample.length / 20;
}

/** Why this text is not a watchlist in either format, or null when it might be one. */
export function notWatchlistReason(text: string): string | null {
  const body = stripBom(text);
  if (body.trim() === '') return 'This file is empty: it is not a watchlist.';
  if (looksBinary(body.slice(0, 8192)))
    return 'This file is not a watchlist: it is binary data (a spreadsheet, PDF or archive?), not CSV or JSON text.';
  if (firstNonSpace(body) === '<') {
    return 'This file is not a watchlist: it is a web page (HTML or XML), perhaps a sign-in page, not CSV or JSON.';
  }
  return null;
}

/** FNV-1a over UTF-16 code units, fed piece by piece: a file read in chunks hashes as it would whole. */
export interface ContentHasher {
  update(text: string): void;
  /** 8 hex digits. */
  digest(): string;
}

export function createContentHasher(): ContentHasher {
  let hash = 0x811c9dc5;
  return {
    update(text) {
      for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
      }
    },
    digest: () => (hash >>> 0).toString(16).padStart(8, '0'),
  };
}

/**
 * A short content hash (32-bit FNV-1a over UTF-16 code units, hex) standing in for a version
 * when the file carries none; the same list always gets the same version.
 */
export function contentVersion(text: string): string {
  const hasher = createContentHasher();
  hasher.update(text);
  return hasher.digest();
}
