import type { JSX } from 'preact';
import { useLoad } from '@/components/Load/use-load';
import { TabStatus } from '@/components/TabStatus/tab-status';
import { watchlistLine } from '@/components/WatchlistSummary/watchlist-summary';
import type { Connector } from '@/lib/platform/connector';

/** The toolbar popup: this tab's status, the active watchlist, the way to the log. */
export function App({ connector }: { connector: Connector }): JSX.Element {
  const [tab] = useLoad(async () => {
    const tabId = await connector.activeTabId();
    return tabId === null ? null : connector.getTabState(tabId);
  }, [connector]);
  const [status] = useLoad(() => connector.getStatus(), [connector]);

  return (
    <main class="popup">
      <h1>Matterguard</h1>

      <section aria-labelledby="page-heading">
        <h2 id="page-heading">This page</h2>
        {tab.state === 'loading' ? <p class="muted">Checking this page…</p> : null}
        {tab.state === 'error' ? <p class="error-text">Could not check this page: {tab.error}</p> : null}
        {tab.state === 'ready' ? <TabStatus state={tab.data} /> : null}
      </section>

      <section aria-labelledby="watchlist-heading">
        <h2 id="watchlist-heading">Watchlist</h2>
        {status.state === 'loading' ? <p class="muted">Loading…</p> : null}
        {status.state === 'error' ? <p class="error-text">Could not read the watchlist status: {status.error}</p> : null}
        {status.state === 'ready' ? (
          <>
            <p>{watchlistLine(status.data.watchlist)}</p>
            {status.data.watchlist.lastError ? <p class="error-text">Last update failed: {status.data.watchlist.lastError}</p> : null}
          </>
        ) : null}
      </section>

      <button type="button" class="primary wide" onClick={() => void connector.openOptions()}>
        Open override log
      </button>
    </main>
  );
}
