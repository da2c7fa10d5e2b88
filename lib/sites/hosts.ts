import { SITES, type SiteFamily } from './catalog';

/**
 * The content scripts' match patterns, from the site catalog (DESIGN 2). They double as host
 * permissions (wxt.config.ts).
 */
function matchesOf(family: SiteFamily): string[] {
  return SITES.filter((site) => site.family === family).flatMap((site) => site.hosts.map((h) => `https://${h}/*`));
}

export const WEBMAIL_MATCHES = matchesOf('webmail');

/** Every frame: Google Chat runs in chat.google.com iframes inside Gmail (SITES 2.3-2.5). */
export const CHAT_MATCHES = matchesOf('chat');

/** Cloud-share dialogs (SITES 2.6, 3.1). */
export const SHARE_MATCHES = matchesOf('share');

export const CONTENT_MATCHES = [...WEBMAIL_MATCHES, ...CHAT_MATCHES, ...SHARE_MATCHES];
