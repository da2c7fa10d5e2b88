import { gmailAdapter } from './gmail/adapter';
import type { SiteAdapter } from './types';

/**
 * Which adapter guards a page, by host (DESIGN 2). Outlook, chat and share adapters join here.
 * Pass the host of `self.origin`, not `location`: an about:blank pop-out (Outlook) has the
 * opener's origin there and "null" in `location.origin` (SITES 1, 5.2 probe G).
 */
const BY_HOST: Record<string, SiteAdapter> = {
  'mail.google.com': gmailAdapter,
};

export function adapterForHost(host: string): SiteAdapter | null {
  return Object.hasOwn(BY_HOST, host) ? BY_HOST[host]! : null;
}

/** The host of an origin such as `https://mail.google.com`; '' for an opaque origin ("null"). */
export function hostOfOrigin(origin: string): string {
  try {
    return new URL(origin).hostname.toLowerCase();
  } catch {
    return '';
  }
}
