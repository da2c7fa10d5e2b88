/** Google Chat (docs/sites.md#google-chat). Plain data: see lib/sites/catalog.ts. */
export const GOOGLE_CHAT_SITE = {
  id: 'google-chat',
  label: 'Google Chat',
  family: 'chat',
  overrideLabel: 'Post anyway',
  // Standalone, and the chat.google.com iframes inside Gmail.
  hosts: ['chat.google.com'],
} as const;
