import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { WatchlistSearch } from '@/lib/connectors/connector-watchlist';
import type { WatchlistEntry } from '@/lib/watchlist/types';

const LIMIT = 100;
const SOURCE: Record<WatchlistEntry['source'], string> = { firm: 'Firm', personal: 'Yours', demo: 'Demo' };

type Outcome = { kind: 'found'; query: string; result: WatchlistSearch } | { kind: 'error'; message: string } | null;

/**
 * Looks up the list in force, firm and personal entries together, each once, with where it
 * comes from (docs/design.md#status: "the source is visible"). The list may be a million rows, so it is
 * searched in the background and only the first hundred matches come back.
 */
export function WatchlistSearchForm({
  search,
}: {
  search: (query: string, limit: number) => Promise<WatchlistSearch>;
}): JSX.Element {
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    setBusy(true);
    try {
      setOutcome({ kind: 'found', query: q, result: await search(q, LIMIT) });
    } catch (error) {
      setOutcome({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const found = outcome?.kind === 'found' ? outcome : null;
  return (
    <div class="watchlist-search">
      <form role="search" onSubmit={(e) => void submit(e)}>
        <label htmlFor="watchlist-query">Search the watchlist</label>
        <div class="inline">
          <input
            id="watchlist-query"
            type="search"
            value={query}
            placeholder="Client, matter, number or code name"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Searching…' : 'Search'}
          </button>
        </div>
      </form>
      {outcome?.kind === 'error' ? (
        <p role="alert" class="error-text">
          Could not search: {outcome.message}
        </p>
      ) : null}
      {found ? (
        <>
          <p role="status" class="muted">
            {found.result.entries.length === 0
              ? `Nothing on the watchlist matches “${found.query}”.`
              : `${found.result.more ? `The first ${LIMIT}` : found.result.entries.length.toLocaleString()} ${found.result.entries.length === 1 ? 'entry matches' : 'entries match'} “${found.query}”.`}
          </p>
          {found.result.entries.length > 0 ? (
            <div class="table-scroll">
              <table class="entry-table">
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col">Client number</th>
                    <th scope="col">Matter</th>
                    <th scope="col">Aliases</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {found.result.entries.map((e, i) => (
                    <tr key={i}>
                      <td>{e.clientName}</td>
                      <td>{e.clientNumber}</td>
                      <td>{[e.matterNumber, e.matterName].filter(Boolean).join(' · ')}</td>
                      <td>{e.aliases.join('; ')}</td>
                      <td>{e.severity}</td>
                      <td>{SOURCE[e.source]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
