import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLoad } from '@/components/Load/use-load';
import { Tabs, type TabDef } from '@/components/Tabs/tabs';
import type { Connector } from '@/lib/connectors/connector';
import { LogPage } from './pages/log-page';
import { MyWatchlistPage } from './pages/my-watchlist-page';
import { SettingsPage } from './pages/settings-page';
import { WatchlistPage } from './pages/watchlist-page';

type PageId = 'log' | 'watchlist' | 'settings' | 'personal';
const PAGES: TabDef<PageId>[] = [
  { id: 'log', label: 'Log' },
  { id: 'watchlist', label: 'Watchlist' },
  { id: 'settings', label: 'Settings' },
  { id: 'personal', label: 'My watchlist' },
];

/** The page named in the URL hash (#settings), so a tab can be linked to and survives reload. */
function pageFromHash(hash: string): PageId {
  return PAGES.find((p) => `#${p.id}` === hash)?.id ?? 'log';
}

export function App({ connector }: { connector: Connector }): JSX.Element {
  const [page, setPage] = useState<PageId>(() => pageFromHash(location.hash));
  const [status] = useLoad(() => connector.getStatus(), [connector]);
  // Policy allowPersonalWatchlist: false hides the personal list (docs/design.md#policy).
  const personalOff = status.state === 'ready' && !status.data.policy.policy.allowPersonalWatchlist;
  const pages = personalOff ? PAGES.filter((p) => p.id !== 'personal') : PAGES;
  const shown = personalOff && page === 'personal' ? 'log' : page;

  useEffect(() => {
    const follow = () => setPage(pageFromHash(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  function select(id: PageId): void {
    setPage(id);
    history.replaceState(null, '', `#${id}`);
  }

  return (
    <div class="options">
      <header class="masthead">
        <h1>Matterguard</h1>
      </header>
      <Tabs tabs={pages} selected={shown} onSelect={select} label="Matterguard options">
        {shown === 'log' ? <LogPage connector={connector} /> : null}
        {shown === 'watchlist' ? <WatchlistPage connector={connector} /> : null}
        {shown === 'settings' ? <SettingsPage connector={connector} /> : null}
        {shown === 'personal' ? <MyWatchlistPage connector={connector} /> : null}
      </Tabs>
    </div>
  );
}
