import { assessSurface, compileWatchlist, type CompiledWatchlist } from '@/lib/match';
import type { MessageRouter } from '@/lib/platform/messaging';
import type { PolicyService } from './setup-policy';
import type { WatchlistService } from './setup-watchlist';

/**
 * Scanning runs here, in the background, not in each tab: the compiled watchlist exists once
 * per browser instead of once per compose tab (DESIGN 9, 10), and the watchlist never enters a
 * page's process. A content script sends the surface's text and recipients; it gets back the
 * matches with their positions and levels.
 */
export function setupScanner(router: MessageRouter, deps: { watchlist: WatchlistService; policy: PolicyService }): void {
  // The compiled form is derived state: rebuilt from the active list when its version changes.
  let compiled: { version: string; matcher: CompiledWatchlist } | null = null;

  async function matcher(): Promise<{ version: string; matcher: CompiledWatchlist; firmDomainsFallback: string[] }> {
    const active = await deps.watchlist.active();
    if (compiled?.version !== active.status.version) {
      compiled = { version: active.status.version, matcher: compileWatchlist(active.entries) };
    }
    return { ...compiled, firmDomainsFallback: active.firmDomainsFallback };
  }

  router.on('scanSurface', async (request) => {
    const [{ version, matcher: m, firmDomainsFallback }, { policy }] = await Promise.all([matcher(), deps.policy.current()]);
    const firmDomains = policy.firmDomains.length > 0 ? policy.firmDomains : firmDomainsFallback;
    const assessment = assessSurface(m, request.fields, { recipients: request.recipients, firmDomains, audience: request.audience });
    return { assessment, watchlistVersion: version };
  });
}
