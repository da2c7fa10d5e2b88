import { browser } from 'wxt/browser';
import type { MessageRouter } from '@/lib/messaging/router';
import type { WatchlistStatus } from '@/lib/protocol/protocol';
import { WatchlistStoreDb } from '@/lib/db/watchlist-store';
import type { EffectivePolicy } from '@/lib/policy/types';
import { DEMO_FIRM_DOMAINS, DEMO_WATCHLIST_SOURCE_LABEL, parseDemoWatchlist } from '@/lib/watchlist/demo';
import type { FirmSyncState } from '@/lib/watchlist/firm-sync';
import { createMergeStream, fold, type MergeStream } from '@/lib/watchlist/merge';
import { entryLabel } from '@/lib/watchlist/personal';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import { createFirmSync, type FirmSync, type FirmSyncDeps } from './firm-sync';
import { setupContextMenu } from './setup-context-menu';
import type { PolicyService } from './setup-policy';
import { setupPersonal, type PersonalService, type PersonalState } from './setup-personal';
import { firmBatches, mergedBatches } from './watchlist-entries';

export interface ActiveWatchlist {
  status: WatchlistStatus;
  /**
   * Firm domains to assume while policy names none: the demo firm's, so the demo list's
   * levels make sense (writing to harrowvale.example is internal). Empty otherwise.
   */
  firmDomainsFallback: string[];
  /** Changes exactly when the entries do (a new firm list, a personal edit, personal entries turned on or off). */
  revision: string;
  /**
   * Every entry in force, firm then personal (a personal entry the firm list has is left out),
   * in batches read afresh from storage: a million rows are never objects all at once (a
   * WatchlistEntry takes ~750 bytes).
   */
  batches(size?: number): AsyncIterable<WatchlistEntry[]>;
}

export interface WatchlistService {
  /** The list in force now; cheap (nothing of the list is read until `batches()` is). */
  active(): Promise<ActiveWatchlist>;
  /** The status alone (popup, options), without reading the list. */
  status(): Promise<WatchlistStatus>;
  /** Called when the list, its status or the fallback domains change. */
  onChange(cb: (watchlist: ActiveWatchlist) => void): void;
}

export interface WatchlistDeps {
  fetch?: typeof fetch;
  db?: WatchlistStoreDb;
  now?: () => number;
  random?: () => number;
  maxBytes?: number;
  /** Tells the firm's log collector of a firm list refused or held back (see FirmSyncDeps.report). */
  report?: FirmSyncDeps['report'];
  /** The personal list; set up here when the caller does not wire its own. */
  personal?: PersonalService;
}

interface Snapshot {
  effective: EffectivePolicy;
  firm: FirmSyncState;
  personal: PersonalState;
  /** Personal entries in force: none when policy turns them off. */
  mine: WatchlistEntry[];
  revision: string;
}

/**
 * The watchlist in force (docs/design.md#firm-list): the firm list from `watchlistUrl` (kept in IndexedDB, see
 * firm-sync.ts) or, until one loads, the embedded demo list of the fictional firm Harrow & Vale
 * LLP; plus the user's personal entries unless policy turns them off.
 */
export function setupWatchlist(
  router: MessageRouter,
  policy: Pick<PolicyService, 'current' | 'onChange' | 'view'>,
  deps: WatchlistDeps = {},
): WatchlistService {
  const db = deps.db ?? new WatchlistStoreDb();
  const now = deps.now ?? Date.now;
  const demo = parseDemoWatchlist();
  if (demo.issues.length > 0) console.error('Matterguard: the embedded demo watchlist has problems', demo.issues);
  const demoLoadedAt = new Date(now()).toISOString();
  const listeners: ((watchlist: ActiveWatchlist) => void)[] = [];
  let published: string | null = null;
  /** Which personal entries the firm list covers, for the revision it was worked out for. */
  let covering: { revision: string; merge: Promise<MergeStream> } | null = null;

  const sync: FirmSync = createFirmSync({
    policy,
    db,
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    now,
    random: deps.random ?? Math.random,
    maxBytes: deps.maxBytes,
    report: deps.report,
  });
  const personal = deps.personal ?? setupOwnPersonal();

  /**
   * The personal list is set up here, with its context menu, because each needs the other: the
   * list in force merges it, and it asks which of its entries the firm list already covers.
   */
  function setupOwnPersonal(): PersonalService {
    const own = setupPersonal(router, { policy, coverage: (entries) => coverage(entries) });
    setupContextMenu(own);
    return own;
  }

  async function snapshot(): Promise<Snapshot> {
    const [effective, firm, mine] = await Promise.all([policy.current(), sync.state(), personal.current()]);
    const on = effective.policy.allowPersonalWatchlist;
    const entries = on ? mine.items.map((i) => i.entry) : [];
    const list = firm.active ? `firm:${firm.active.generation}` : `demo:${demo.version}`;
    return {
      effective,
      firm,
      personal: mine,
      mine: entries,
      revision: entries.length > 0 ? `${list}+${mine.revision}` : list,
    };
  }

  function statusOf(s: Snapshot): WatchlistStatus {
    const list = s.firm.active;
    const listVersion = list?.version ?? demo.version;
    return {
      source: list ? 'firm' : 'demo',
      sourceLabel: list?.url ?? DEMO_WATCHLIST_SOURCE_LABEL,
      // Changes with the personal entries too, so whatever is keyed on the version (the compiled
      // matcher, the log's watchlistVersion) follows them.
      version: s.mine.length > 0 ? `${listVersion}+p.${s.personal.revision}` : listVersion,
      listVersion,
      entryCount: (list?.entryCount ?? demo.entries.length) + s.mine.length,
      personalCount: s.mine.length,
      lastSync: list ? s.firm.lastSuccess : demoLoadedAt,
      lastError: s.effective.policy.watchlistUrl.trim() ? s.firm.lastError : null,
      errorDetail: s.effective.policy.watchlistUrl.trim() ? s.firm.lastErrorDetail : null,
      held: s.effective.policy.watchlistUrl.trim() ? s.firm.held : null,
      url: s.effective.policy.watchlistUrl.trim(),
      syncing: sync.isSyncing(),
      nextSync: s.firm.nextAttempt,
      issues: list?.issues ?? [],
    };
  }

  /** The list in force streamed once from storage, merged with `mine`; throws when it cannot be read. */
  function stream(s: Snapshot, merge: MergeStream, size?: number): AsyncGenerator<WatchlistEntry[]> {
    return mergedBatches(firmBatches(db, s.firm.active, demo.entries, size), merge);
  }

  /** A stored list that can no longer be read (storage cleared, a block lost): forget it and fetch again. */
  function lost(s: Snapshot, error: unknown): void {
    console.warn('Matterguard: the stored firm watchlist could not be read', error);
    const generation = s.firm.active?.generation;
    if (generation) void sync.forget(generation, error instanceof Error ? error.message : String(error));
  }

  async function* batches(s: Snapshot, merge: MergeStream, size?: number): AsyncGenerator<WatchlistEntry[]> {
    try {
      yield* stream(s, merge, size);
    } catch (error) {
      lost(s, error);
      throw error;
    }
  }

  async function active(): Promise<ActiveWatchlist> {
    const s = await snapshot();
    const fallback = s.effective.policy.firmDomains.length === 0 && !s.firm.active ? [...DEMO_FIRM_DOMAINS] : [];
    return {
      status: statusOf(s),
      firmDomainsFallback: fallback,
      revision: s.revision,
      batches: (size) => batches(s, createMergeStream(s.mine), size),
    };
  }

  /** For the "My watchlist" page: which personal entries the firm list already has (one pass over it per change). */
  async function coverage(entries: WatchlistEntry[]): Promise<(string | null)[]> {
    if (entries.length === 0) return [];
    const s = await snapshot();
    if (covering?.revision !== s.revision) {
      const merge = createMergeStream(entries);
      const pass = (async () => {
        for await (const _batch of batches(s, merge)) {
          // Only the firm entries passing through `merge` matter here.
        }
        return merge;
      })();
      covering = { revision: s.revision, merge: pass };
      pass.catch(() => {
        if (covering?.merge === pass) covering = null;
      });
    }
    const merge = await covering.merge;
    return entries.map((e) => {
      const firm = merge.coveredBy(e);
      return firm ? entryLabel(firm) : null;
    });
  }

  async function publish(): Promise<void> {
    if (listeners.length === 0) return;
    const s = await snapshot();
    const fallback = s.effective.policy.firmDomains.length === 0 && !s.firm.active;
    const key = JSON.stringify([statusOf(s), fallback, s.revision]);
    if (key === published) return;
    const first = published === null;
    published = key;
    if (first) return;
    const watchlist = await active();
    for (const cb of listeners) cb(watchlist);
  }
  // One comparison at a time: two changes in quick succession must not both look new.
  let publishing: Promise<void> = Promise.resolve();
  const republish = () => {
    publishing = publishing
      .then(publish)
      .catch((error: unknown) => console.warn('Matterguard: watchlist change', error));
  };
  // The baseline the first change is compared with.
  void snapshot().then(
    (s) =>
      (published = JSON.stringify([
        statusOf(s),
        s.effective.policy.firmDomains.length === 0 && !s.firm.active,
        s.revision,
      ])),
    () => undefined,
  );
  policy.onChange(republish);
  sync.onChange(republish);
  personal.onChange(republish);

  router.on('getStatus', async () => {
    const [s, view] = await Promise.all([snapshot(), policy.view()]);
    // The view, not s.effective: the collector token never leaves the worker (docs/design.md#trusted-contexts).
    return { watchlist: statusOf(s), policy: view, extensionVersion: browser.runtime.getManifest().version };
  });
  router.on('syncWatchlist', async () => {
    const { policy: p } = await policy.current();
    if (!p.watchlistUrl.trim())
      throw new Error(
        'No watchlist URL is set, so there is nothing to update: the embedded demo watchlist is in force.',
      );
    await sync.syncNow();
    return statusOf(await snapshot());
  });
  router.on('searchWatchlist', async ({ query, limit }) => {
    const needle = fold(query);
    const found: WatchlistEntry[] = [];
    const matches = (e: WatchlistEntry) =>
      [e.clientNumber, e.clientName, e.matterNumber, e.matterName, ...e.aliases].some((v) => fold(v).includes(needle));
    for await (const batch of (await active()).batches()) {
      for (const e of batch)
        if (matches(e) && found.push(e) > limit) return { entries: found.slice(0, limit), more: true };
    }
    return { entries: found, more: false };
  });

  return {
    active,
    status: async () => statusOf(await snapshot()),
    onChange: (cb) => {
      listeners.push(cb);
    },
  };
}
