import { MatterguardDb } from '@/lib/db/db';
import { createMessageRouter } from '@/lib/messaging/router';
import { restrictStorageToTrustedContexts } from '@/lib/storage/items';
import { hecWatchlistEvent } from '@/lib/watchlist/report';
import { setupCollector } from './setup-collector';
import { setupDiagnostics } from './setup-diagnostics';
import { setupOverrideLog } from './setup-override-log';
import { setupPolicy } from './setup-policy';
import { setupScanner } from './setup-scanner';
import { setupTabState } from './setup-tab-state';
import { setupWatchlist } from './setup-watchlist';

/**
 * Wiring only (CONTRIBUTING.md#background): every listener is registered synchronously here at start;
 * each setupX() owns one concern and its handlers await that concern's own readiness.
 */
export default defineBackground(() => {
  // docs/design.md#bad-input: storage is for the worker and our own pages; content scripts ask by message.
  void restrictStorageToTrustedContexts().then(({ open }) => {
    if (open.length > 0)
      console.warn(`Matterguard: storage.${open.join(', storage.')} stays readable by content scripts`);
  });
  const router = createMessageRouter();
  const db = new MatterguardDb();
  const policy = setupPolicy(router, { db });
  const collector = setupCollector({ policy, db });
  const watchlist = setupWatchlist(router, policy, {
    report: (event) => collector.report(hecWatchlistEvent(event)),
  });
  setupScanner(router, { watchlist, policy });
  const diagnostics = setupDiagnostics(router);
  setupOverrideLog(router, {
    policy,
    watchlistVersion: async () => (await watchlist.active()).status.version,
    db,
    collector,
    diagnostics,
  });
  setupTabState(router);
  router.listen();
});
