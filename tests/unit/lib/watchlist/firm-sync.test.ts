import { describe, expect, it } from 'vitest';
import {
  conditionalHeaders,
  INITIAL_FIRM_SYNC,
  isDue,
  onFailed,
  onHeld,
  onLoaded,
  onNotModified,
  retryMinutes,
  type FirmSyncState,
  type LoadedList,
} from '@/lib/watchlist/firm-sync';

const URL_A = 'https://dms.harrowvale.example/watchlist.csv';
const T0 = Date.parse('2025-03-04T08:00:00Z');
const MINUTE = 60_000;
const iso = (t: number) => new Date(t).toISOString();

const list: LoadedList = {
  url: URL_A,
  generation: 'g1',
  version: 'v1',
  entryCount: 2,
  format: 'csv',
  etag: '"abc"',
  lastModified: 'Tue, 04 Mar 2025 07:00:00 GMT',
  bytes: 120,
  issues: [],
  loadedAt: iso(T0),
};
const loaded = onLoaded(INITIAL_FIRM_SYNC, list, T0, 60);

describe('retryMinutes', () => {
  it.each([
    [30, [1, 2, 4, 8, 16, 32, 60, 60]],
    [240, [1, 2, 4, 8, 16, 32, 64, 128, 240, 240]],
  ])('with refreshMinutes %i doubles from a minute and stops at max(refresh, 60)', (refresh, expected) => {
    expect(expected.map((_, i) => retryMinutes(i + 1, refresh, 0.5))).toEqual(expected);
  });

  it('spreads retries ±20% so browsers do not retry in step', () => {
    expect([0, 0.5, 0.999].map((r) => retryMinutes(3, 60, r))).toEqual([3.2, 4, expect.closeTo(4.8, 2)]);
  });
});

describe('transitions', () => {
  it('a load makes the list the one in force, clears the error and schedules the refresh', () => {
    const failing = onFailed(INITIAL_FIRM_SYNC, URL_A, 'HTTP 500', T0 - MINUTE, 60, 0.5);
    expect(onLoaded(failing, list, T0, 60)).toEqual({
      active: list,
      url: URL_A,
      lastSuccess: iso(T0),
      lastAttempt: iso(T0),
      lastError: null,
      lastErrorDetail: null,
      failures: 0,
      nextAttempt: iso(T0 + 60 * MINUTE),
      held: null,
      reported: null,
    });
  });

  it('a 304 keeps the list and its ETag, and counts as a sync', () => {
    const next = onNotModified(loaded, T0 + 60 * MINUTE, 60);
    expect(next.active).toBe(list);
    expect(next).toMatchObject({
      lastSuccess: iso(T0 + 60 * MINUTE),
      lastError: null,
      nextAttempt: iso(T0 + 120 * MINUTE),
    });
  });

  it('a failure keeps the last good list, records why, and backs off', () => {
    const once = onFailed(loaded, URL_A, 'HTTP 503', T0 + 60 * MINUTE, 60, 0.5);
    const twice = onFailed(once, URL_A, 'HTTP 503', T0 + 61 * MINUTE, 60, 0.5);
    expect(twice).toMatchObject({
      active: list,
      lastSuccess: iso(T0),
      lastError: 'HTTP 503',
      failures: 2,
      nextAttempt: iso(T0 + 63 * MINUTE),
    });
  });
});

describe('a list held back as too short', () => {
  const shrunk = {
    url: URL_A,
    version: 'v2',
    entryCount: 1,
    lastGoodCount: 2,
    shrinkPercent: 50,
    maxShrinkPercent: 20,
    message: 'held back',
    detail: 'v2 has 1 entry, 50% fewer',
  };
  const held = onHeld(loaded, shrunk, T0 + 60 * MINUTE, 60);

  it('keeps the list in force, shows why, and looks again on the normal schedule', () => {
    expect(held).toMatchObject({
      active: list,
      held: { ...shrunk, since: iso(T0 + 60 * MINUTE) },
      lastSuccess: iso(T0),
      lastError: 'held back',
      lastErrorDetail: 'v2 has 1 entry, 50% fewer',
      failures: 0,
      nextAttempt: iso(T0 + 120 * MINUTE),
    });
  });

  it('stays held since it was first seen; a newer held version starts anew', () => {
    expect(onHeld(held, shrunk, T0 + 120 * MINUTE, 60).held?.since).toBe(iso(T0 + 60 * MINUTE));
    expect(onHeld(held, { ...shrunk, version: 'v3' }, T0 + 120 * MINUTE, 60).held?.since).toBe(iso(T0 + 120 * MINUTE));
  });

  it('is still shown after a failure, which says what went wrong itself', () => {
    const failed = onFailed(held, URL_A, 'HTTP 503', T0 + 120 * MINUTE, 60, 0.5);
    expect(failed).toMatchObject({ held: held.held, lastError: 'HTTP 503', lastErrorDetail: null });
  });

  it('is gone once a list loads, or the server answers that the list in force is current (304)', () => {
    expect(onLoaded(held, { ...list, version: 'v3' }, T0 + 120 * MINUTE, 60)).toMatchObject({
      held: null,
      lastErrorDetail: null,
    });
    expect(onNotModified(held, T0 + 120 * MINUTE, 60)).toMatchObject({ held: null, lastError: null });
  });
});

describe('isDue (a worker starting)', () => {
  it.each<[string, FirmSyncState, string, number, number, boolean]>([
    ['never fetched', INITIAL_FIRM_SYNC, URL_A, T0, 60, true],
    ['another URL now', loaded, 'https://new.harrowvale.example/list.csv', T0 + MINUTE, 60, true],
    ['checked a minute ago', loaded, URL_A, T0 + MINUTE, 60, false],
    ['the check is overdue', loaded, URL_A, T0 + 61 * MINUTE, 60, true],
    ['the refresh was shortened to 5 minutes', loaded, URL_A, T0 + 10 * MINUTE, 5, true],
    [
      'backing off after a failure',
      onFailed(loaded, URL_A, 'x', T0 + 60 * MINUTE, 60, 0.5),
      URL_A,
      T0 + 60 * MINUTE + 30_000,
      60,
      false,
    ],
  ])('%s', (_name, state, url, now, refresh, due) => {
    expect(isDue(state, url, now, refresh)).toBe(due);
  });
});

describe('conditionalHeaders', () => {
  it('sends the validators of the list in force, and only to the URL it came from', () => {
    expect(conditionalHeaders(loaded, URL_A)).toEqual({
      'If-None-Match': '"abc"',
      'If-Modified-Since': 'Tue, 04 Mar 2025 07:00:00 GMT',
    });
    expect(conditionalHeaders(loaded, 'https://other.example/list.csv')).toEqual({});
    expect(conditionalHeaders(INITIAL_FIRM_SYNC, URL_A)).toEqual({});
  });
});
