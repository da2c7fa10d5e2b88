/** Slack web (docs/sites.md#slack). Plain data: see lib/sites/catalog.ts. */
export const SLACK_SITE = {
  id: 'slack',
  label: 'Slack',
  family: 'chat',
  overrideLabel: 'Post anyway',
  hosts: ['app.slack.com'],
} as const;
