import { browser } from 'wxt/browser';
import type { MessageRouter } from '@/lib/platform/messaging';
import type { WatchlistStatus } from '@/lib/platform/protocol';
import type { EffectivePolicy } from '@/lib/policy/types';
import { DEMO_FIRM_DOMAINS, DEMO_WATCHLIST_SOURCE_LABEL, parseDemoWatchlist } from '@/lib/watchlist/demo';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import type { PolicyService } from './setup-policy';

export interface ActiveWatchlist {
  entries: WatchlistEntry[];
  status: WatchlistStatus;
  /**
   * Firm domains to assume while policy names none: the demo firm's, so the demo list's
   * levels make sense (writing to harrowvale.example is internal). Empty otherwise.
   */
  firmDomainsFallback: string[];
}

export interface WatchlistService {
  /** The list in force now. `entries` keeps its identity until the list itself changes. */
  active(): Promise<ActiveWatchlist>;
  /** Called when the list, its status or the fallback domains change. */
  onChange(cb: (watchlist: ActiveWatchlist) => void): void;
}

export const URL_SYNC_UNAVAILABLE =
  'Syncing the firm watchlist from a URL is not available in this version of Matterguard; the embedded demo watchlist stays active.';

/** Status and fallback for the demo list under a given policy. */
function describeDemo(entries: WatchlistEntry[], version: string, loadedAt: string, { policy }: EffectivePolicy): ActiveWatchlist {
  return {
    entries,
    status: {
      source: 'demo',
      sourceLabel: DEMO_WATCHLIST_SOURCE_LABEL,
      version,
      entryCount: entries.length,
      lastSync: loadedAt,
      // Say plainly that the URL is not fetched rather than pretend it was.
      lastError: policy.watchlistUrl.trim() ? URL_SYNC_UNAVAILABLE : null,
    },
    firmDomainsFallback: policy.firmDomains.length === 0 ? [...DEMO_FIRM_DOMAINS] : [],
  };
}

/**
 * The active watchlist (DESIGN 3). In this version that is always the embedded demo list of
 * the fictional firm Harrow & Vale LLP; firm URL sync and the personal list come later and
 * will replace `load` below. The demo list is parsed from its CSV at start, which takes a
 * millisecond, so nothing of it needs to live in storage.
 */
export function setupWatchlist(router: MessageRouter, policy: Pick<PolicyService, 'current' | 'onChange'>): WatchlistService {
  const listeners: ((watchlist: ActiveWatchlist) => void)[] = [];
  const demo = parseDemoWatchlist();
  if (demo.issues.length > 0) console.error('Matterguard: the embedded demo watchlist has problems', demo.issues);
  const loadedAt = new Date().toISOString();
  let latest: ActiveWatchlist | null = null;

  async function active(): Promise<ActiveWatchlist> {
    const next = describeDemo(demo.entries, demo.version, loadedAt, await policy.current());
    latest = next;
    return next;
  }

  // The baseline the first policy change is compared with.
  void active().catch(() => undefined);

  policy.onChange((effective) => {
    const before = latest;
    const next = describeDemo(demo.entries, demo.version, loadedAt, effective);
    latest = next;
    const changed = !before || JSON.stringify(before.status) !== JSON.stringify(next.status) || before.firmDomainsFallback.join() !== next.firmDomainsFallback.join();
    if (changed) for (const cb of listeners) cb(next);
  });

  router.on('getStatus', async () => {
    const [watchlist, effective] = await Promise.all([active(), policy.current()]);
    return { watchlist: watchlist.status, policy: effective, extensionVersion: browser.runtime.getManifest().version };
  });

  return {
    active,
    onChange: (cb) => {
      listeners.push(cb);
    },
  };
}
