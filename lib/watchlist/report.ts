import { HEC_SOURCE } from '../log/hec';
import type { LastGood } from './plausibility';

/*
 * What the firm's log collector hears when a firm list is refused as incomplete or held back
 * as too short (issue 10 item 8): IT learns that its export broke from every browser that saw
 * it. Counts, versions and where the list was cut; never an entry of the list.
 */

export const WATCHLIST_SOURCETYPE = 'matterguard:watchlist';

export interface WatchlistEvent {
  type: 'watchlist-incomplete' | 'watchlist-held';
  /** ISO 8601 time, UTC. */
  at: string;
  user: string;
  extensionVersion: string;
  /** The list's address without query or fragment, which may carry an access token. */
  url: string;
  /** The version refused or held (a content hash when the file names none) and its entries. */
  version: string;
  entryCount: number;
  /** The list kept in force; null when none had loaded yet (the demo list guards). */
  inForce: LastGood | null;
  /** For a held list: how much it shrank, and the policy limit. */
  shrinkPercent?: number;
  maxShrinkPercent?: number;
  /** The technical detail, as the Watchlist tab shows it. */
  detail: string;
}

/** The list's address as the collector may keep it. */
export function reportedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/**
 * Names one problem to report once: a held version (a newer held version is news), or a run
 * of incomplete downloads from one address (each cut copy has its own hash; one report is enough
 * until a list loads again).
 */
export function reportKey(event: Pick<WatchlistEvent, 'type' | 'url' | 'version'>): string {
  return event.type === 'watchlist-held' ? `held ${event.url} ${event.version}` : `incomplete ${event.url}`;
}

/** In Splunk HTTP Event Collector form, beside the override records (lib/log/hec.ts). */
export function hecWatchlistEvent(event: WatchlistEvent) {
  const ms = Date.parse(event.at);
  return {
    time: Number.isNaN(ms) ? 0 : ms / 1000,
    host: event.user,
    source: HEC_SOURCE,
    sourcetype: WATCHLIST_SOURCETYPE,
    event,
  };
}
