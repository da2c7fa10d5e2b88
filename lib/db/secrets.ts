import type { MatterguardDb } from './db';

/**
 * The collector token typed on the options page (unmanaged installs) is kept in the worker's
 * IndexedDB, not in `browser.storage` (docs/design.md#bad-input). Chromium also closes storage to content
 * scripts (storage.ts `restrictStorageToTrustedContexts`); Firefox cannot (bug 1724754), and
 * there content scripts can read storage.local and storage.managed. The database is the
 * extension origin's, which content scripts never reach: their IndexedDB is the page's.
 */
export interface SecretStore {
  /** The stored token, or undefined when none was ever saved. */
  collectorToken(): Promise<string | undefined>;
  /** '' removes it. */
  setCollectorToken(token: string): Promise<void>;
}

export function createSecretStore(db: MatterguardDb): SecretStore {
  return {
    async collectorToken() {
      const row = await db.state.get('collectorToken');
      return row?.key === 'collectorToken' ? row.value : undefined;
    },
    async setCollectorToken(token) {
      if (token === '') await db.state.delete('collectorToken');
      else await db.state.put({ key: 'collectorToken', value: token });
    },
  };
}
