import type { JSX } from 'preact';
import type { WatchlistStatus } from '@/lib/platform/protocol';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function entries(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'entry' : 'entries'}`;
}

/** One line for the popup: "Embedded demo watchlist · version demo-3 · 12 entries". */
export function watchlistLine(status: WatchlistStatus): string {
  return `${status.sourceLabel} · version ${status.version} · ${entries(status.entryCount)}`;
}

/** The active watchlist in full, for the options page (DESIGN 3 "Status"). */
export function WatchlistDetails({ status }: { status: WatchlistStatus }): JSX.Element {
  return (
    <dl class="details">
      <dt>Source</dt>
      <dd>{status.sourceLabel}</dd>
      <dt>Version</dt>
      <dd>{status.version}</dd>
      <dt>Entries</dt>
      <dd>{entries(status.entryCount)}</dd>
      <dt>Last updated</dt>
      <dd>
        {status.lastSync ? (
          <time dateTime={status.lastSync} title={status.lastSync}>
            {timeFormat.format(new Date(status.lastSync))}
          </time>
        ) : (
          'Never'
        )}
      </dd>
      <dt>Last error</dt>
      <dd class={status.lastError ? 'error-text' : undefined}>{status.lastError ?? 'None'}</dd>
    </dl>
  );
}
