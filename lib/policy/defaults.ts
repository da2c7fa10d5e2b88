import type { Policy } from './types';

/** What an unmanaged install starts with; every key can be changed in the options page. */
export const DEFAULT_POLICY: Policy = {
  firmDomains: [],
  watchlistUrl: '',
  refreshMinutes: 60,
  mode: 'warn',
  sites: {},
  reasons: [
    { code: 'client-authorised', label: 'The client asked for or authorised this' },
    { code: 'recipient-on-matter', label: 'The recipient works on this matter' },
    { code: 'not-confidential', label: 'The information is public or not confidential' },
    { code: 'other', label: 'Other (explain below)' },
  ],
  userEmail: '',
  collectorUrl: '',
  collectorToken: '',
  logRecipients: 'domain',
  allowPersonalWatchlist: true,
  maxShrinkPercent: 20,
};
