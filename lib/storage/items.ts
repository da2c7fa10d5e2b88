import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Policy } from '../policy/types';
import type { DiagnosticEntry } from '../protocol/protocol';
import { INITIAL_FIRM_SYNC, type FirmSyncState } from '../watchlist/firm-sync';
import { EMPTY_LOCAL, type LocalPersonal } from '../watchlist/personal-sync';

/**
 * Every browser.storage key Matterguard uses, defined once (CONTRIBUTING.md#storage): its area, its
 * owner and when it is cleared. Add a key here before using it anywhere.
 *
 * | key                          | area    | owner            | cleared when                               |
 * |------------------------------|---------|------------------|--------------------------------------------|
 * | `settings`                   | local   | setup-policy     | never (the user's own options-page values) |
 * | `tabState:<tabId>`           | session | setup-tab-state  | the tab closes or leaves the guarded site  |
 * | (whole area, read-only)      | managed | setup-policy     | by the firm's administrators only          |
 * | `firmWatchlist`              | local   | setup-watchlist  | the watchlist URL is removed (policy)      |
 * | `personalWatchlist`          | local   | setup-personal   | never (the user's own entries)             |
 * | `personal`, `personal.<n>`   | sync    | setup-personal   | never; chunks past the list's end on write |
 * | `watchlistDownload`          | session | setup-watchlist  | the download ends                          |
 * | `diagnostics`                | local   | setup-diagnostics| never; capped at its newest 50 problems    |
 * | IndexedDB `matterguard-watchlist` | - | setup-watchlist  | a generation is replaced or the URL removed |
 * | IndexedDB `matterguard` state `collectorToken` | - | setup-policy | the user removes it (secrets.ts) |
 *
 * Every area is for trusted contexts only (the worker and our own pages, docs/design.md#trusted-contexts): see
 * `restrictStorageToTrustedContexts`. Content scripts get what they need through messages.
 *
 * Versioned items: when a stored shape changes, bump `version` and add a migration that
 * THROWS on a value it does not recognise. WXT then logs the MigrationError and leaves the
 * stored value untouched at its old version, so nothing the user set is lost to a reset.
 */

/**
 * Options-page values for the policy keys the firm does not manage (docs/design.md#policy); e2e seeds it as
 * `settings`.
 */
export const settingsItem = storage.defineItem<Partial<Policy>>('local:settings', { fallback: {}, version: 1 });

/**
 * The firm list's sync state (lib/watchlist/firm-sync.ts): the last good list (its bytes are in
 * IndexedDB `matterguard-watchlist`, see lib/db/watchlist-store.ts), its ETag, the last error and the
 * back-off. Written after every attempt, so a restarted worker neither downloads again nor
 * forgets a failure.
 */
export const firmWatchlistItem = storage.defineItem<FirmSyncState>('local:firmWatchlist', {
  fallback: INITIAL_FIRM_SYNC,
  version: 1,
});

/** Bytes of the firm list received so far while a download runs (written every few seconds). */
export const downloadSessionKey = 'watchlistDownload';

/**
 * This device's copy of the personal list (lib/watchlist/personal-sync.ts): what guards, and
 * what is kept when storage.sync is full or off. The synced copy lives in `storage.sync` under
 * `personal` (meta) and `personal.<n>` (chunks), see personal-codec.ts; its keys vary with the
 * list's length, so they are written through `browser.storage.sync` directly.
 */
export const personalItem = storage.defineItem<LocalPersonal>('local:personalWatchlist', {
  fallback: EMPTY_LOCAL,
  version: 1,
});

/** Problems site adapters reported (layouts they do not know), counted per site and problem. */
export const diagnosticsItem = storage.defineItem<DiagnosticEntry[]>('local:diagnostics', { fallback: [], version: 1 });

/** What each guarded tab last reported; one key per tab so tabs never overwrite each other. */
export const tabStateItemKey = (tabId: number): `session:tabState:${number}` => `session:tabState:${tabId}`;

/**
 * The firm's managed policy. On an unmanaged install Chrome may reject (no managed_schema
 * store on some platforms), Firefox without policies.json answers {}, and a browser may lack
 * the area altogether: all of them mean "no managed policy".
 */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  try {
    const managed = browser.storage.managed as typeof browser.storage.managed | undefined;
    if (!managed) return {};
    return await managed.get();
  } catch {
    return {};
  }
}

const AREAS = ['local', 'sync', 'session', 'managed'] as const;
export type StorageAreaName = (typeof AREAS)[number];

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Closes every storage area to content scripts (docs/design.md#bad-input): a content script runs in the web
 * page's renderer, so whatever it may read, a compromised page process may read too. Chromium
 * has `setAccessLevel` on every area (the setting is kept across restarts; this runs at each
 * start to be sure); Firefox has none (bug 1724754), where the areas stay readable by content
 * scripts and only the typed collector token is kept out of them (secrets.ts).
 */
export async function restrictStorageToTrustedContexts(): Promise<{
  restricted: StorageAreaName[];
  open: StorageAreaName[];
}> {
  const restricted: StorageAreaName[] = [];
  const open: StorageAreaName[] = [];
  for (const name of AREAS) {
    const area = (browser.storage as unknown as Partial<Record<StorageAreaName, AccessLevelArea>>)[name];
    if (typeof area?.setAccessLevel !== 'function') {
      open.push(name);
      continue;
    }
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      restricted.push(name);
    } catch (error) {
      console.error(`Matterguard: storage.${name} could not be closed to content scripts`, error);
      open.push(name);
    }
  }
  return { restricted, open };
}
