/**
 * Hosts Matterguard guards (DESIGN 2). Match patterns double as host permissions.
 * Webmail for now; chat and share families join with their adapters (issue 5).
 */
export const WEBMAIL_MATCHES = ['https://mail.google.com/*'];

export const CONTENT_MATCHES = [...WEBMAIL_MATCHES];
