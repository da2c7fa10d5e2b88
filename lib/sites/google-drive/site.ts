/** Google Drive and the Docs editors' share dialog (docs/sites.md#google-drive-and-docs). Plain data: see lib/sites/catalog.ts. */
export const GOOGLE_DRIVE_SITE = {
  id: 'google-drive',
  label: 'Google Drive',
  family: 'share',
  overrideLabel: 'Share anyway',
  // The share dialog's iframes are on these hosts too.
  hosts: ['drive.google.com', 'docs.google.com'],
} as const;
