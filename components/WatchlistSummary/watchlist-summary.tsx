import type { JSX } from 'preact';
import './watchlist.css';
import type { WatchlistStatus } from '@/lib/protocol/protocol';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function entries(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'entry' : 'entries'}`;
}

/** "104,312 entries", or "104,315 entries (3 of them yours)" with personal entries in force. */
export function entriesText(status: WatchlistStatus): string {
  const mine = status.personalCount ?? 0;
  return mine > 0
    ? `${entries(status.entryCount)} (${mine.toLocaleString()} of them yours)`
    : entries(status.entryCount);
}

/** One line for the popup: "Embedded demo watchlist · version demo-3 · 12 entries". */
export function watchlistLine(status: WatchlistStatus): string {
  return `${status.sourceLabel} · version ${status.listVersion ?? status.version} · ${entriesText(status)}`;
}

/** For the popup: when the list was last updated, or that an update is under way. */
export function SyncLine({ status }: { status: WatchlistStatus }): JSX.Element {
  if (status.syncing) return <p class="muted">Updating the firm watchlist…</p>;
  return (
    <p class="muted">
      {status.lastSync ? (
        <>
          Last updated <Time iso={status.lastSync} />
        </>
      ) : (
        'Never updated'
      )}
    </p>
  );
}

/**
 * For the popup, in plain words: a newer list held back, and the last failure if it is another
 * one. The technical detail is on the options page's Watchlist tab.
 */
export function SyncProblem({ status }: { status: WatchlistStatus }): JSX.Element | null {
  const held = status.held ?? null;
  const failed = status.lastError !== null && status.lastError !== held?.message ? status.lastError : null;
  if (!held && !failed) return null;
  return (
    <>
      {held ? <p class="error-text">{held.message}</p> : null}
      {failed ? <p class="error-text">Last update failed: {failed}</p> : null}
    </>
  );
}

function Time({ iso }: { iso: string }): JSX.Element {
  return (
    <time dateTime={iso} title={iso}>
      {timeFormat.format(new Date(iso))}
    </time>
  );
}

/** The active watchlist in full, for the options page (docs/design.md#status). */
export function WatchlistDetails({ status }: { status: WatchlistStatus }): JSX.Element {
  const pendingUrl = status.url && status.url !== status.sourceLabel ? status.url : null;
  const issues = status.issues ?? [];
  const held = status.held ?? null;
  // A held list's detail is shown with it, once.
  const detail = status.errorDetail && status.errorDetail !== held?.detail ? status.errorDetail : null;
  return (
    <>
      <dl class="details">
        <dt>Source</dt>
        <dd>{status.sourceLabel}</dd>
        <dt>Version</dt>
        <dd>{status.listVersion ?? status.version}</dd>
        <dt>Entries</dt>
        <dd>{entriesText(status)}</dd>
        <dt>Last updated</dt>
        <dd>{status.lastSync ? <Time iso={status.lastSync} /> : 'Never'}</dd>
        <dt>Last error</dt>
        <dd class={status.lastError ? 'error-text' : undefined}>{status.lastError ?? 'None'}</dd>
        {detail ? (
          <>
            <dt>Details</dt>
            <dd>{detail}</dd>
          </>
        ) : null}
        {held ? (
          <>
            <dt>Held back</dt>
            <dd>
              {held.detail} Held back since <Time iso={held.since} />.
            </dd>
          </>
        ) : null}
      </dl>
      <div class="sync-notes">
        {status.syncing ? <p role="status">Downloading the firm watchlist…</p> : null}
        {pendingUrl && !status.syncing ? (
          <p>The watchlist URL is {pendingUrl}; it has not loaded yet, so the list above stays in force.</p>
        ) : null}
        {status.nextSync && status.url ? (
          <p class="muted">
            Next check: <Time iso={status.nextSync} />
          </p>
        ) : null}
        {issues.length > 0 ? (
          <details class="issues">
            <summary>
              {issues.length === 1 ? '1 problem' : `${issues.length} problems`} in the list (the other rows loaded)
            </summary>
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.line}:${issue.message}`}>
                  {issue.line > 0 ? `Line ${issue.line}: ${issue.message}` : issue.message}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </>
  );
}
