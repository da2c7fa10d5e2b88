import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Diagnostics } from '@/components/Diagnostics/diagnostics';
import { useLoad } from '@/components/Load/use-load';
import { WatchlistSearchForm } from '@/components/WatchlistSummary/watchlist-search';
import { WatchlistDetails } from '@/components/WatchlistSummary/watchlist-summary';
import type { Connector } from '@/lib/connectors/connector';
import type { WatchlistStatus } from '@/lib/protocol/protocol';

/** Which watchlist is guarding, and whether its last update worked (docs/design.md#status). */
export function WatchlistPage({ connector }: { connector: Connector }): JSX.Element {
  const [loaded, reload] = useLoad(async () => {
    const { watchlist } = await connector.getStatus();
    // Without access to the URL's host the request works only if the server allows it (CORS).
    const access = watchlist.url ? await connector.hasHostAccess(watchlist.url) : true;
    return { watchlist, access };
  }, [connector]);
  const [fresh, setFresh] = useState<WatchlistStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const status = fresh ?? (loaded.state === 'ready' ? loaded.data.watchlist : null);

  async function updateNow(askAccess: boolean): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      // Asked first, while the click still counts as the user's gesture.
      if (askAccess && status?.url && !(await connector.requestHostAccess(status.url))) {
        setFailure('Access was not granted; the watchlist can only be read if its server allows Matterguard (CORS).');
      }
      setFresh(await connector.syncWatchlist());
      reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const needsAccess = loaded.state === 'ready' && !loaded.data.access && status?.lastError;
  return (
    <section aria-labelledby="watchlist-heading">
      <h2 id="watchlist-heading">Active watchlist</h2>
      {loaded.state === 'loading' ? <p class="muted">Loading…</p> : null}
      {loaded.state === 'error' ? (
        <p role="alert" class="error-text">
          Could not read the watchlist status: {loaded.error}
        </p>
      ) : null}
      {status ? <WatchlistDetails status={status} /> : null}
      {status?.url ? (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void updateNow(false)}>
            {busy ? 'Updating…' : 'Update now'}
          </button>
          {needsAccess ? (
            <button type="button" disabled={busy} onClick={() => void updateNow(true)}>
              Allow Matterguard to read {new URL(status.url).host}
            </button>
          ) : null}
        </div>
      ) : null}
      {failure ? (
        <p role="alert" class="error-text">
          {failure}
        </p>
      ) : null}
      <h3>Look up an entry</h3>
      <WatchlistSearchForm search={(q, limit) => connector.searchWatchlist(q, limit)} />
      <Diagnostics connector={connector} />
    </section>
  );
}
