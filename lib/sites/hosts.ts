/**
 * Hosts Matterguard guards (docs/design.md#surfaces), one list per content-script family.
 * Match patterns double as host permissions.
 */
export const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  // Outlook on the web, work/school and personal; outlook.cloud.microsoft is the new default
  // (docs/sites.md#outlook-on-the-web).
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];

/** Chat: Slack, Teams and Google Chat (standalone, and its iframes inside Gmail) (docs/sites.md#chat-sites). */
export const CHAT_MATCHES = [
  'https://app.slack.com/*',
  'https://teams.microsoft.com/*',
  'https://teams.cloud.microsoft/*',
  'https://chat.google.com/*',
];

/**
 * Cloud-share dialogs (docs/design.md#surfaces; docs/sites.md#share-dialogs,
 * docs/sites.md#content-script-registration).
 */
export const SHARE_MATCHES = [
  'https://drive.google.com/*',
  'https://docs.google.com/*',
  'https://www.dropbox.com/*',
  'https://onedrive.live.com/*',
  'https://*.sharepoint.com/*',
  'https://app.box.com/*',
];

export const CONTENT_MATCHES = [...WEBMAIL_MATCHES, ...CHAT_MATCHES, ...SHARE_MATCHES];
