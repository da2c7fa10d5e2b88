import { MatterguardDb } from '@/lib/platform/db';
import { hecWatchlistEvent } from '@/lib/watchlist/report';
import { createMessageRouter } from '@/lib/platform/messaging';
import { setupCollector } from './setup-collector';
import { setupDiagnostics } from './setup-diagnostics';
import { setupOverrideLog } from './setup-override-log';
import { setupPolicy } from './setup-policy';
import { setupScanner } from './setup-scanner';
import { setupTabState } from './setup-tab-state';
import { setupWatchlist } from './setup-watchlist';

/**
 * Wiring only (STYLE "Background"): every listener is registered synchronously here at start;
 * each setupX() owns one concern and its handlers await that concern's own readiness.
 */
export default defineBackground(() => {
  const router = createMessageRouter();
  const policy = setupPolicy(router);
  const db = new MatterguardDb();
  const collector = setupCollector({ policy, db });
  const watchlist = setupWatchlist(router, policy, {
    report: (event) => collector.report(hecWatchlistEvent(event)),
  });
  setupScanner(router, { watchlist, policy });
  setupOverrideLog(router, {
    policy,
    watchlistVersion: async () => (await watchlist.active()).status.version,
    db,
    collector,
  });
  setupTabState(router);
  setupDiagnostics(router);
  router.listen();
});
