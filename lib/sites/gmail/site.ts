/** Gmail: compose, reply, pop-out and schedule-send (SITES 2.1). Plain data: see lib/sites/catalog.ts. */
export const GMAIL_SITE = {
  id: 'gmail',
  label: 'Gmail',
  family: 'webmail',
  overrideLabel: 'Send anyway',
  hosts: ['mail.google.com'],
} as const;
