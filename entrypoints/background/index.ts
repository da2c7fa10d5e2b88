import { MatterguardDb } from '@/lib/db/db';
import { createMessageRouter } from '@/lib/messaging/router';
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
  const router = createMessageRouter();
  const policy = setupPolicy(router);
  const watchlist = setupWatchlist(router, policy);
  setupScanner(router, { watchlist, policy });
  const db = new MatterguardDb();
  const collector = setupCollector({ policy, db });
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
