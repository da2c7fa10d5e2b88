import type { JSX } from 'preact';
import { useLoad } from '@/components/Load/use-load';
import { WatchlistDetails } from '@/components/WatchlistSummary/watchlist-summary';
import type { Connector } from '@/lib/platform/connector';

/** Which watchlist is guarding, and whether its last update worked (DESIGN 3 "Status"). */
export function WatchlistPage({ connector }: { connector: Connector }): JSX.Element {
  const [status] = useLoad(() => connector.getStatus(), [connector]);
  return (
    <section aria-labelledby="watchlist-heading">
      <h2 id="watchlist-heading">Active watchlist</h2>
      {status.state === 'loading' ? <p class="muted">Loading…</p> : null}
      {status.state === 'error' ? (
        <p role="alert" class="error-text">
          Could not read the watchlist status: {status.error}
        </p>
      ) : null}
      {status.state === 'ready' ? <WatchlistDetails status={status.data.watchlist} /> : null}
    </section>
  );
}
