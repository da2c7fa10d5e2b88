/** Gmail: compose, reply, pop-out and schedule-send (docs/sites.md#gmail). Plain data: see lib/sites/catalog.ts. */
export const GMAIL_SITE = {
  id: 'gmail',
  label: 'Gmail',
  family: 'webmail',
  overrideLabel: 'Send anyway',
  hosts: ['mail.google.com'],
} as const;
