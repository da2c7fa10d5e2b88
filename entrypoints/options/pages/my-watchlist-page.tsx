import type { JSX } from 'preact';
import { MyWatchlist } from '@/components/MyWatchlist/my-watchlist';
import type { Connector } from '@/lib/connectors/connector';

/** The user's personal watchlist (docs/design.md#personal-list); the tab is hidden when policy turns it off. */
export function MyWatchlistPage({ connector }: { connector: Connector }): JSX.Element {
  return (
    <section aria-labelledby="my-watchlist-heading">
      <h2 id="my-watchlist-heading">My watchlist</h2>
      <MyWatchlist connector={connector} />
    </section>
  );
}
