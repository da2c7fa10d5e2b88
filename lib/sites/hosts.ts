import { SITES, type SiteFamily } from './catalog';

/**
 * The content scripts' match patterns, from the site catalog (docs/design.md#surfaces). They double as host
 * permissions (wxt.config.ts).
 */
function matchesOf(family: SiteFamily): string[] {
  return SITES.filter((site) => site.family === family).flatMap((site) => site.hosts.map((h) => `https://${h}/*`));
}

export const WEBMAIL_MATCHES = matchesOf('webmail');

/** Every frame: Google Chat runs in chat.google.com iframes inside Gmail (docs/sites.md#chat-sites). */
export const CHAT_MATCHES = matchesOf('chat');

/** Cloud-share dialogs (docs/sites.md#share-dialogs, docs/sites.md#content-script-registration). */
export const SHARE_MATCHES = matchesOf('share');

export const CONTENT_MATCHES = [...WEBMAIL_MATCHES, ...CHAT_MATCHES, ...SHARE_MATCHES];
