import { browser } from 'wxt/browser';
import type { Policy } from '@/lib/policy/types';
import type { FirmSyncState } from '@/lib/watchlist/firm-sync';
import { reportedUrl, type WatchlistEvent } from '@/lib/watchlist/report';
import type { DownloadOutcome } from './firm-download';

/** What the collector is told of an attempt that held a list back or found it cut off; null for any other. */
export function problemEvent(
  state: FirmSyncState,
  outcome: DownloadOutcome,
  policy: Policy,
  now: number,
): WatchlistEvent | null {
  const held = outcome.kind === 'held' ? outcome : null;
  if (!held && !(outcome.kind === 'failed' && outcome.incomplete)) return null;
  return {
    type: held ? 'watchlist-held' : 'watchlist-incomplete',
    at: new Date(now).toISOString(),
    user: policy.userEmail.trim() || 'unknown user',
    extensionVersion: browser.runtime.getManifest().version,
    url: reportedUrl(state.url),
    version: held?.list.version ?? '',
    entryCount: held?.list.entryCount ?? 0,
    inForce: state.active && { version: state.active.version, entryCount: state.active.entryCount },
    ...(held ? { shrinkPercent: held.shrinkPercent, maxShrinkPercent: policy.maxShrinkPercent } : {}),
    detail: state.lastErrorDetail ?? '',
  };
}
