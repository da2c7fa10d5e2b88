/** Microsoft Teams web (docs/sites.md#microsoft-teams); parts of it run in iframes. Plain data: see lib/sites/catalog.ts. */
export const TEAMS_SITE = {
  id: 'teams',
  label: 'Microsoft Teams',
  family: 'chat',
  overrideLabel: 'Post anyway',
  hosts: ['teams.microsoft.com', 'teams.cloud.microsoft'],
} as const;
