import { browser } from 'wxt/browser';
import { downloadSessionKey, firmWatchlistItem } from '@/lib/storage/items';
import { deleteOtherGenerations, type WatchlistStoreDb } from '@/lib/db/watchlist-store';
import {
  conditionalHeaders,
  isDue,
  onFailed,
  onHeld,
  onLoaded,
  onNoUrl,
  onNotModified,
  withDefaults,
  type FirmSyncState,
} from '@/lib/watchlist/firm-sync';
import type { Policy } from '@/lib/policy/types';
import { reportKey, type WatchlistEvent } from '@/lib/watchlist/report';
import { downloadFirmList, type DownloadOutcome } from './firm-download';
import { problemEvent } from './firm-report';
import type { PolicyService } from './setup-policy';

export const SYNC_ALARM = 'matterguard-watchlist-sync';
const PROGRESS_EVERY_MS = 5_000;

export interface FirmSyncDeps {
  policy: Pick<PolicyService, 'current' | 'onChange'>;
  db: WatchlistStoreDb;
  fetch: typeof fetch;
  now(): number;
  random(): number;
  maxBytes?: number;
  /**
   * Tells the firm's log collector of a list refused as incomplete or held back; resolves
   * true once the collector took it (false: none configured, or it failed: told again next time).
   */
  report?(event: WatchlistEvent): Promise<boolean>;
}

export interface FirmSync {
  /** The stored state, once start-up (clean-up, first schedule) is done. */
  state(): Promise<FirmSyncState>;
  /** An attempt now, or the one under way; resolves with the state after it. */
  syncNow(): Promise<FirmSyncState>;
  isSyncing(): boolean;
  /** The stored list of this generation cannot be read: drop it (the demo list guards) and fetch again. */
  forget(generation: string, reason: string): Promise<void>;
  /** After every attempt, and when an attempt starts. */
  onChange(cb: () => void): void;
}

const BADGE_ERROR = { text: 'ERR', color: '#6b7280' };

/** What of the policy the schedule follows. */
interface Seen {
  url: string;
  refresh: number;
  maxShrink: number;
}
const seenOf = (policy: Policy): Seen => ({
  url: policy.watchlistUrl.trim(),
  refresh: policy.refreshMinutes,
  maxShrink: policy.maxShrinkPercent,
});

/** The toolbar says when the firm list cannot be updated; tabs that report a level show theirs instead. */
async function showOnBadge(state: FirmSyncState): Promise<void> {
  const failing = state.url !== '' && state.lastError !== null;
  await browser.action.setBadgeText({ text: failing ? BADGE_ERROR.text : '' });
  if (failing) await browser.action.setBadgeBackgroundColor({ color: BADGE_ERROR.color });
  const kept = state.active ? 'the last good list stays active' : 'the embedded demo watchlist stays active';
  await browser.action.setTitle({
    title: failing
      ? `Matterguard — the firm watchlist could not be updated (${kept}): ${state.lastError}`
      : 'Matterguard',
  });
}

/**
 * The firm list's schedule (docs/design.md#firm-list): at start when due, every `refreshMinutes` through
 * browser.alarms, sooner with back-off after a failure, at once when the URL changes. One
 * attempt at a time; the stored state is the truth, so a worker killed mid-download starts
 * again from the last good list and removes the half-written one.
 */
export function createFirmSync(deps: FirmSyncDeps): FirmSync {
  const listeners: (() => void)[] = [];
  let running: Promise<FirmSyncState> | null = null;
  let rerun = false;
  let seen: Seen | null = null;
  // Read on every scan, so kept in memory; every write goes through `save`.
  let cached: FirmSyncState | null = null;
  const notify = () => listeners.forEach((cb) => cb());

  async function load(): Promise<FirmSyncState> {
    return (cached ??= withDefaults(await firmWatchlistItem.getValue()));
  }

  async function save(state: FirmSyncState): Promise<void> {
    cached = state;
    await firmWatchlistItem.setValue(state);
  }

  async function schedule(state: FirmSyncState): Promise<void> {
    if (state.nextAttempt === null) await browser.alarms.clear(SYNC_ALARM);
    else await browser.alarms.create(SYNC_ALARM, { when: Math.max(Date.parse(state.nextAttempt), deps.now() + 1_000) });
    await showOnBadge(state).catch(() => undefined);
  }

  /**
   * The collector hears of each held version, and of each run of incomplete downloads, once.
   * Not awaited by the attempt: a slow collector must not hold the list's status at "updating".
   */
  async function tellCollector(state: FirmSyncState, outcome: DownloadOutcome, policy: Policy): Promise<void> {
    const event = deps.report ? problemEvent(state, outcome, policy, deps.now()) : null;
    if (!event || !deps.report) return;
    const key = reportKey(event);
    if (state.reported === key) return;
    if (!(await deps.report(event).catch(() => false))) return;
    const latest = await load();
    // Only if no later attempt has written its own outcome meanwhile.
    if (latest.lastAttempt === state.lastAttempt) await save({ ...latest, reported: key });
  }

  async function attempt(): Promise<FirmSyncState> {
    const { policy } = await deps.policy.current();
    const url = policy.watchlistUrl.trim();
    const refresh = policy.refreshMinutes;
    const before = await load();
    if (url === '') {
      const cleared = onNoUrl();
      if (before.url !== '' || before.active) await save(cleared);
      await deleteOtherGenerations(deps.db, null);
      await schedule(cleared);
      return cleared;
    }
    const generation = crypto.randomUUID();
    let lastProgress = 0;
    const outcome = await downloadFirmList({
      url,
      generation,
      db: deps.db,
      fetch: deps.fetch,
      maxBytes: deps.maxBytes,
      headers: conditionalHeaders(before, url),
      lastGood: before.active,
      maxShrinkPercent: policy.maxShrinkPercent,
      onProgress(bytes) {
        // Also an extension API call now and then, which keeps a long download's worker alive.
        if (deps.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = deps.now();
        void browser.storage.session.set({ [downloadSessionKey]: { url, bytes } }).catch(() => undefined);
      },
    });
    await browser.storage.session.remove(downloadSessionKey).catch(() => undefined);
    const now = deps.now();
    let next: FirmSyncState;
    if (outcome.kind === 'loaded')
      next = onLoaded(
        before,
        { ...outcome.list, url, generation, loadedAt: new Date(now).toISOString() },
        now,
        refresh,
      );
    else if (outcome.kind === 'not-modified') next = onNotModified(before, now, refresh);
    else if (outcome.kind === 'held') {
      const { list, shrinkPercent, message, detail } = outcome;
      const held = { url, version: list.version, entryCount: list.entryCount, shrinkPercent, message, detail };
      const limits = { lastGoodCount: before.active?.entryCount ?? 0, maxShrinkPercent: policy.maxShrinkPercent };
      next = onHeld(before, { ...held, ...limits }, now, refresh);
    } else next = onFailed(before, url, outcome.error, now, refresh, deps.random(), outcome.detail ?? null);
    // The swap: this one write makes the new generation the list in force.
    await save(next);
    void tellCollector(next, outcome, policy).catch((error: unknown) =>
      console.warn('Matterguard: the collector was not told of the watchlist problem', error),
    );
    if (outcome.kind === 'loaded')
      await deleteOtherGenerations(deps.db, generation).catch((e: unknown) =>
        console.warn('Matterguard: old watchlist not removed', e),
      );
    await schedule(next);
    return next;
  }

  function run(): Promise<FirmSyncState> {
    if (running) return running;
    const current = attempt()
      .catch(async (error: unknown) => {
        console.error('Matterguard: watchlist sync failed', error);
        return load();
      })
      .finally(() => {
        running = null;
        notify();
        if (rerun) {
          rerun = false;
          void run();
        }
      });
    running = current;
    notify();
    return current;
  }

  const ready = (async () => {
    const state = await load();
    // A worker killed mid-download leaves a generation no state names.
    await deleteOtherGenerations(deps.db, state.active?.generation ?? null).catch(() => undefined);
    const { policy } = await deps.policy.current();
    seen = seenOf(policy);
    const stale =
      seen.url === '' ? state.url !== '' || state.active !== null : isDue(state, seen.url, deps.now(), seen.refresh);
    if (stale) void run();
    else await schedule(state);
  })().catch((error: unknown) => console.error('Matterguard: watchlist sync start failed', error));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void ready.then(run);
  });
  // "Fetched at start": a browser start checks (an unchanged list costs a 304).
  browser.runtime.onStartup.addListener(() => void ready.then(run));
  /** A policy change, weighed against the policy start-up (or the previous change) acted on. */
  async function reconsider(now: Seen): Promise<void> {
    const before = seen;
    seen = now;
    if (before?.url === now.url && before.refresh === now.refresh && before.maxShrink === now.maxShrink) return;
    const state = await load();
    // A held list that the new limit lets through is fetched again and applied.
    const released =
      state.held !== null && before?.maxShrink !== now.maxShrink && state.held.shrinkPercent <= now.maxShrink;
    const due =
      now.url === ''
        ? state.url !== '' || state.active !== null
        : before?.url !== now.url || released || isDue(state, now.url, deps.now(), now.refresh);
    if (!due) return;
    if (running) rerun = true;
    else void run();
  }

  deps.policy.onChange(({ policy }) => {
    const now = seenOf(policy);
    // Weighed only after start-up: start-up may still be holding a read of the policy made
    // before this change, and a change dropped here would leave a newly set URL unfetched
    // until the browser restarts.
    ready
      .then(() => reconsider(now))
      .catch((error: unknown) => console.error('Matterguard: watchlist policy change', error));
  });

  return {
    state: async () => {
      await ready;
      return load();
    },
    async forget(generation, reason) {
      await ready;
      const state = await load();
      if (state.active?.generation !== generation) return;
      await save({
        ...state,
        active: null,
        lastError: reason,
        lastErrorDetail: null,
        nextAttempt: new Date(deps.now()).toISOString(),
      });
      notify();
      void run();
    },
    syncNow: () => ready.then(run),
    isSyncing: () => running !== null,
    onChange: (cb) => {
      listeners.push(cb);
    },
  };
}
