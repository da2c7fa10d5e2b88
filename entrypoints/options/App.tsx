import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Tabs, type TabDef } from '@/components/Tabs/tabs';
import type { Connector } from '@/lib/platform/connector';
import { LogPage } from './pages/log-page';
import { SettingsPage } from './pages/settings-page';
import { WatchlistPage } from './pages/watchlist-page';

type PageId = 'log' | 'watchlist' | 'settings';
const PAGES: TabDef<PageId>[] = [
  { id: 'log', label: 'Log' },
  { id: 'watchlist', label: 'Watchlist' },
  { id: 'settings', label: 'Settings' },
];

/** The page named in the URL hash (#settings), so a tab can be linked to and survives reload. */
function pageFromHash(hash: string): PageId {
  return PAGES.find((p) => `#${p.id}` === hash)?.id ?? 'log';
}

export function App({ connector }: { connector: Connector }): JSX.Element {
  const [page, setPage] = useState<PageId>(() => pageFromHash(location.hash));

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
      <Tabs tabs={PAGES} selected={page} onSelect={select} label="Matterguard options">
        {page === 'log' ? <LogPage connector={connector} /> : null}
        {page === 'watchlist' ? <WatchlistPage connector={connector} /> : null}
        {page === 'settings' ? <SettingsPage connector={connector} /> : null}
      </Tabs>
    </div>
  );
}
