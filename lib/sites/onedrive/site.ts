/** OneDrive and SharePoint, incl. the sharedialog.aspx frame (docs/sites.md#onedrive-and-sharepoint). Plain data: see lib/sites/catalog.ts. */
export const ONEDRIVE_SITE = {
  id: 'onedrive',
  label: 'OneDrive',
  family: 'share',
  overrideLabel: 'Share anyway',
  // Every SharePoint tenant, incl. `tenant-my` (the personal OneDrive of a work account).
  hosts: ['onedrive.live.com', '*.sharepoint.com'],
} as const;
