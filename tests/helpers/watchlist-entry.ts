import type { WatchlistEntry } from '@/lib/watchlist/types';

/** A firm watchlist row: empty but for what the test sets. */
export function entry(p: Partial<WatchlistEntry> = {}): WatchlistEntry {
  return {
    clientNumber: '',
    clientName: '',
    matterNumber: '',
    matterName: '',
    aliases: [],
    allowedDomains: [],
    walled: [],
    severity: 'warn',
    source: 'firm',
    ...p,
  };
}
