/** Outlook on the web, work/school and personal (docs/sites.md#outlook-on-the-web). Plain data: see lib/sites/catalog.ts. */
export const OUTLOOK_SITE = {
  id: 'outlook',
  label: 'Outlook',
  family: 'webmail',
  overrideLabel: 'Send anyway',
  // outlook.cloud.microsoft is the new default (docs/sites.md#outlook-on-the-web).
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
} as const;
