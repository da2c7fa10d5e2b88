import { browser } from 'wxt/browser';

/**
 * Access to the firm's own servers (the watchlist URL, the log collector). Their addresses come
 * from policy, so they cannot be host permissions in the manifest; the manifest offers
 * `https://*\/*` as an optional host permission and the user grants the one origin needed
 * (options page, a click). Without it the request still goes out, and works if the server
 * answers CORS for the extension's origin.
 */

/** The match pattern for a URL's origin, or null for a URL that is not https. */
export function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? `https://${parsed.hostname}/*` : null;
  } catch {
    return null;
  }
}

export async function hasHostAccess(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    // A pattern outside the manifest's optional permissions throws: not granted.
    return false;
  }
}

/** Asks the user (Chrome shows its own prompt); must run in a click handler. True when granted. */
export async function requestHostAccess(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}
