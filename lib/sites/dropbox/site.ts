/** Dropbox's share modal (docs/sites.md#dropbox-and-box). Plain data: see lib/sites/catalog.ts. */
export const DROPBOX_SITE = {
  id: 'dropbox',
  label: 'Dropbox',
  family: 'share',
  overrideLabel: 'Share anyway',
  hosts: ['www.dropbox.com'],
} as const;
