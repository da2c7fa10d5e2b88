import type { WatchlistFormat } from './parse';
import type { ParseIssue } from './types';

/**
 * The firm list's sync state (docs/design.md#firm-list): which downloaded list is in force and how the last
 * attempts went. Pure transitions, so the schedule is tested without a browser; the worker
 * persists the state after every step, so a restarted worker knows all of it.
 */

/** A list that loaded: what it is and where its bytes are kept. */
export interface LoadedList {
  url: string;
  /** Key of its bytes in the list store. */
  generation: string;
  version: string;
  entryCount: number;
  format: WatchlistFormat;
  /** For the next conditional request (If-None-Match / If-Modified-Since). */
  etag: string | null;
  lastModified: string | null;
  bytes: number;
  /** Problems with single rows, with their lines (the first hundred). */
  issues: ParseIssue[];
  /** When this content was downloaded. */
  loadedAt: string;
}

/**
 * A list that downloaded whole but shrank against the one in force by more than policy
 * `maxShrinkPercent` allows (plausibility.ts): not in force, not stored, shown and reported
 * until a newer version is applied or policy lets this one through.
 */
export interface HeldList {
  url: string;
  version: string;
  entryCount: number;
  /** Entries of the list in force it was measured against. */
  lastGoodCount: number;
  shrinkPercent: number;
  /** The limit it broke. */
  maxShrinkPercent: number;
  /** For staff (popup, options) and for IT (the Watchlist tab), as judgeList put them. */
  message: string;
  detail: string;
  /** When this version was first held back. */
  since: string;
}

export interface FirmSyncState {
  /** The last good list, in force until another one loads; null before the first. */
  active: LoadedList | null;
  /** The URL of the last attempt. */
  url: string;
  /** Last attempt that reached the server and got a usable answer (a new list or 304). */
  lastSuccess: string | null;
  lastAttempt: string | null;
  /** The last attempt's failure, in words; null once an attempt succeeds. */
  lastError: string | null;
  /** Failures in a row, for the back-off. */
  failures: number;
  /** When the next attempt is due (ISO), null when nothing is scheduled (no URL). */
  nextAttempt: string | null;
  /** The technical side of `lastError` (where a list was cut, the counts), for the Watchlist tab. */
  lastErrorDetail: string | null;
  /** The newest list held back as implausibly short; null when none. */
  held: HeldList | null;
  /** Which held or incomplete list the collector was last told of (reportKey), so it hears of each once. */
  reported: string | null;
}

export const INITIAL_FIRM_SYNC: FirmSyncState = {
  active: null,
  url: '',
  lastSuccess: null,
  lastAttempt: null,
  lastError: null,
  failures: 0,
  nextAttempt: null,
  lastErrorDetail: null,
  held: null,
  reported: null,
};

/** A state stored by an earlier version lacks the newer fields. */
export function withDefaults(stored: Partial<FirmSyncState> | null | undefined): FirmSyncState {
  return { ...INITIAL_FIRM_SYNC, ...stored };
}

/** First retry after a minute (a blip), doubling; never more often than this. */
export const RETRY_FIRST_MINUTES = 1;
/** A failing server is not asked more than hourly, nor less often than the normal schedule. */
export const RETRY_CAP_MINUTES = 60;

const MINUTE = 60_000;
const at = (now: number, minutes: number) => new Date(now + minutes * MINUTE).toISOString();

/**
 * Minutes to wait after `failures` failures in a row: 1, 2, 4 … up to max(refresh, 60). A
 * ±20% jitter (random in [0, 1)) keeps two thousand browsers from retrying in step.
 */
export function retryMinutes(failures: number, refreshMinutes: number, random: number): number {
  const cap = Math.max(refreshMinutes, RETRY_CAP_MINUTES);
  const base = Math.min(cap, RETRY_FIRST_MINUTES * 2 ** Math.max(0, failures - 1));
  return base * (0.8 + 0.4 * random);
}

export function onLoaded(state: FirmSyncState, list: LoadedList, now: number, refreshMinutes: number): FirmSyncState {
  const time = new Date(now).toISOString();
  return {
    ...state,
    active: list,
    url: list.url,
    lastSuccess: time,
    lastAttempt: time,
    lastError: null,
    lastErrorDetail: null,
    failures: 0,
    nextAttempt: at(now, refreshMinutes),
    held: null,
    reported: null,
  };
}

/** 304: the list in force is still current; it is kept as is, with its ETag. */
export function onNotModified(state: FirmSyncState, now: number, refreshMinutes: number): FirmSyncState {
  const time = new Date(now).toISOString();
  return {
    ...state,
    lastSuccess: time,
    lastAttempt: time,
    lastError: null,
    lastErrorDetail: null,
    failures: 0,
    nextAttempt: at(now, refreshMinutes),
    // The server is back to the list in force: whatever was held is no longer published.
    held: null,
    reported: null,
  };
}

/**
 * A whole list too much shorter than the one in force: the list in force stays, the held one
 * is shown, and it is looked at again at the normal schedule (the server answered properly, so
 * no back-off), when a newer version may be within the limit.
 */
export function onHeld(
  state: FirmSyncState,
  held: Omit<HeldList, 'since'>,
  now: number,
  refreshMinutes: number,
): FirmSyncState {
  const time = new Date(now).toISOString();
  const before = state.held;
  const since = before && before.url === held.url && before.version === held.version ? before.since : time;
  return {
    ...state,
    url: held.url,
    held: { ...held, since },
    lastAttempt: time,
    lastError: held.message,
    lastErrorDetail: held.detail,
    failures: 0,
    nextAttempt: at(now, refreshMinutes),
  };
}

/** Any failure: the last good list stays in force; the next attempt backs off. */
export function onFailed(
  state: FirmSyncState,
  url: string,
  error: string,
  now: number,
  refreshMinutes: number,
  random: number,
  detail: string | null = null,
): FirmSyncState {
  const failures = state.failures + 1;
  return {
    ...state,
    url,
    lastAttempt: new Date(now).toISOString(),
    lastError: error,
    lastErrorDetail: detail,
    failures,
    nextAttempt: at(now, retryMinutes(failures, refreshMinutes, random)),
  };
}

/** The watchlist URL was removed: the firm list goes, and nothing is scheduled. */
export function onNoUrl(): FirmSyncState {
  return INITIAL_FIRM_SYNC;
}

/**
 * Whether a (re)starting worker should fetch now: never fetched this URL, its attempt is due,
 * or the schedule is further off than the refresh interval allows (refreshMinutes shortened).
 */
export function isDue(state: FirmSyncState, url: string, now: number, refreshMinutes: number): boolean {
  if (state.url !== url || state.nextAttempt === null) return true;
  const next = Date.parse(state.nextAttempt);
  if (Number.isNaN(next) || next <= now) return true;
  return state.failures === 0 && next - now > refreshMinutes * MINUTE;
}

/** The validators for a conditional request: only for a list that came from this very URL. */
export function conditionalHeaders(state: FirmSyncState, url: string): Record<string, string> {
  const list = state.active;
  if (!list || list.url !== url) return {};
  const headers: Record<string, string> = {};
  if (list.etag) headers['If-None-Match'] = list.etag;
  if (list.lastModified) headers['If-Modified-Since'] = list.lastModified;
  return headers;
}
