import type { JSX } from 'preact';
import './my-watchlist.css';
import { useEffect, useState } from 'preact/hooks';
import type { WatchlistConnector } from '@/lib/connectors/connector-watchlist';
import type { PersonalView } from '@/lib/protocol/protocol-watchlist';
import { fold } from '@/lib/watchlist/merge';
import { EMPTY_FIELDS, type PersonalItem } from '@/lib/watchlist/personal';
import { EntryForm } from './entry-form';
import { EntryTable } from './entry-table';
import { ImportExport } from './import-export';
import { SyncMeter } from './sync-meter';

type Loaded = { state: 'loading' } | { state: 'ready'; view: PersonalView } | { state: 'error'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function matches(item: PersonalItem, needle: string): boolean {
  const e = item.entry;
  return [e.clientNumber, e.clientName, e.matterNumber, e.matterName, ...e.aliases, ...e.allowedDomains].some((v) =>
    fold(v).includes(needle),
  );
}

/**
 * The user's own watchlist (docs/design.md#personal-list, issue 4): add, edit, delete, search, import and export;
 * each entry says whether the firm list already has it. Every change goes through the
 * background, which answers with the list as it now is.
 */
export function MyWatchlist({ connector }: { connector: WatchlistConnector }): JSX.Element {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    connector.listPersonal().then(
      (view) => current && setLoaded({ state: 'ready', view }),
      (error: unknown) => current && setLoaded({ state: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [connector]);

  if (loaded.state === 'loading') return <p class="muted">Loading your watchlist…</p>;
  if (loaded.state === 'error') {
    return (
      <p role="alert" class="error-text">
        Could not read your watchlist: {loaded.message}
      </p>
    );
  }
  const { view } = loaded;
  if (!view.enabled) return <p>Your firm has turned off personal watchlists.</p>;
  const show = (next: PersonalView) => setLoaded({ state: 'ready', view: next });
  const needle = fold(query);
  const shown = needle ? view.items.filter((item) => matches(item, needle)) : view.items;

  async function remove(id: string): Promise<void> {
    setProblem(null);
    try {
      show(await connector.deletePersonalEntry(id));
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <div class="my-watchlist">
      <p class="hint">
        Your own clients, code names and terms. They warn like the firm’s list, on every browser where you are signed
        in.
      </p>
      <SyncMeter sync={view.sync} />

      <h3>Add an entry</h3>
      <EntryForm
        idPrefix="add"
        initial={EMPTY_FIELDS}
        submitLabel="Add to my watchlist"
        resetOnSave
        onSubmit={async (fields) => {
          const saved = await connector.savePersonalEntry(null, fields);
          show(saved.view);
          return saved.errors;
        }}
      />

      <h3>
        Your entries <span class="muted">({view.items.length.toLocaleString()})</span>
      </h3>
      <div class="field">
        <label htmlFor="personal-search">Search your entries</label>
        <input id="personal-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {problem ? (
        <p role="alert" class="error-text">
          {problem}
        </p>
      ) : null}
      {view.items.length === 0 ? <p class="muted">No entries yet.</p> : null}
      {view.items.length > 0 && shown.length === 0 ? <p class="muted">Nothing matches “{query}”.</p> : null}
      {shown.length > 0 ? (
        <EntryTable
          items={shown}
          onDelete={remove}
          onSave={async (id, fields) => {
            const saved = await connector.savePersonalEntry(id, fields);
            show(saved.view);
            return saved.errors;
          }}
        />
      ) : null}

      <h3>Import and export</h3>
      <ImportExport
        entries={view.items.map((i) => i.entry)}
        onImport={async (text, fileName) => {
          const result = await connector.importPersonal(text, fileName);
          show(result.view);
          return result;
        }}
      />
    </div>
  );
}
