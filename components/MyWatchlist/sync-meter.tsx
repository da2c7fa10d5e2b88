import type { JSX } from 'preact';
import type { PersonalSyncStatus } from '@/lib/protocol/protocol-watchlist';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * How much of the browser's sync storage the list takes, and what happens when it is full
 * (docs/design.md#personal-list).
 */
export function SyncMeter({ sync }: { sync: PersonalSyncStatus }): JSX.Element {
  const used = Math.min(sync.usedBytes, sync.totalBytes);
  return (
    <div class="sync-meter">
      <label htmlFor="sync-meter">Synced to your other browsers</label>
      <meter
        id="sync-meter"
        min={0}
        max={sync.totalBytes}
        value={used}
        high={sync.totalBytes * 0.8}
        aria-describedby="sync-meter-text"
      />
      <p id="sync-meter-text" class={sync.error ? 'error-text' : 'hint'}>
        {sync.error ??
          `${kb(sync.usedBytes)} of ${kb(sync.totalBytes)} used — room for about ${sync.moreEntries.toLocaleString()} more entries like these.`}
      </p>
    </div>
  );
}
