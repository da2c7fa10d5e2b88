/** Box's share modal (SITES 2.6). Plain data: see lib/sites/catalog.ts. */
export const BOX_SITE = {
  id: 'box',
  label: 'Box',
  family: 'share',
  overrideLabel: 'Share anyway',
  hosts: ['app.box.com'],
} as const;
