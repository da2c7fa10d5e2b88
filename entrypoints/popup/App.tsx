import type { JSX } from 'preact';
import { LogWarnings } from '@/components/LogHealth/log-health';
import { useLoad } from '@/components/Load/use-load';
import { QuickAdd } from '@/components/MyWatchlist/quick-add';
import { TabStatus } from '@/components/TabStatus/tab-status';
import { SyncLine, SyncProblem, watchlistLine } from '@/components/WatchlistSummary/watchlist-summary';
import type { Connector } from '@/lib/connectors/connector';

/** The toolbar popup: this tab's status, the active watchlist, the way to the log. */
export function App({ connector }: { connector: Connector }): JSX.Element {
  const [tab] = useLoad(async () => {
    const tabId = await connector.activeTabId();
    return { tabId, state: tabId === null ? null : await connector.getTabState(tabId) };
  }, [connector]);
  const [status] = useLoad(() => connector.getStatus(), [connector]);
  // Low storage or a failed log write must be seen where the user looks (docs/design.md#bad-input).
  const [health] = useLoad(() => connector.getLogHealth(), [connector]);

  return (
    <main class="popup">
      <h1>Matterguard</h1>
      {health.state === 'ready' ? <LogWarnings health={health.data} /> : null}

      <section aria-labelledby="page-heading">
        <h2 id="page-heading">This page</h2>
        {tab.state === 'loading' ? <p class="muted">Checking this page…</p> : null}
        {tab.state === 'error' ? <p class="error-text">Could not check this page: {tab.error}</p> : null}
        {tab.state === 'ready' ? <TabStatus state={tab.data.state} /> : null}
      </section>

      <section aria-labelledby="watchlist-heading">
        <h2 id="watchlist-heading">Watchlist</h2>
        {status.state === 'loading' ? <p class="muted">Loading…</p> : null}
        {status.state === 'error' ? (
          <p class="error-text">Could not read the watchlist status: {status.error}</p>
        ) : null}
        {status.state === 'ready' ? (
          <>
            <p>{watchlistLine(status.data.watchlist)}</p>
            <SyncLine status={status.data.watchlist} />
            <SyncProblem status={status.data.watchlist} />
          </>
        ) : null}
      </section>

      {status.state === 'ready' && status.data.policy.policy.allowPersonalWatchlist ? (
        <section aria-labelledby="quick-add-heading">
          <h2 id="quick-add-heading">My watchlist</h2>
          <QuickAdd connector={connector} tabId={tab.state === 'ready' ? tab.data.tabId : null} />
        </section>
      ) : null}

      <button type="button" class="primary wide" onClick={() => void connector.openOptions()}>
        Open override log
      </button>
    </main>
  );
}
