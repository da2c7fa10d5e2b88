/** Box's share modal (docs/sites.md#dropbox-and-box). Plain data: see lib/sites/catalog.ts. */
export const BOX_SITE = {
  id: 'box',
  label: 'Box',
  family: 'share',
  overrideLabel: 'Share anyway',
  hosts: ['app.box.com'],
} as const;
