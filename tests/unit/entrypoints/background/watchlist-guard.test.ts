import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_ALARM } from '@/entrypoints/background/firm-sync';
import type { WatchlistStoreDb } from '@/lib/db/watchlist-store';
import { DEMO_VERSION } from '@/lib/watchlist/demo';
import { INCOMPLETE_MESSAGE } from '@/lib/watchlist/plausibility';
import type { WatchlistEvent } from '@/lib/watchlist/report';
import {
  createServer,
  entriesInForce,
  freshDb,
  HEADER,
  startWorker,
  updateNow,
  URL_CSV,
  type FakeServer,
  type Worker,
} from '@/tests/helpers/background-watchlist';

/* Issue 10 item 8: a firm list is applied only when it is whole and plausible. */

const MINUTE = 60_000;
const T0 = Date.parse('2025-03-04T08:00:00Z');

const row = (n: number) => `C-${n},Client ${n} Ltd,M-${n},,,c${n}.example,,warn`;
const csv = (count: number, from = 1) =>
  `${HEADER}\n${Array.from({ length: count }, (_, i) => row(from + i)).join('\n')}\n`;
const TEN = csv(10);

let server: FakeServer;
let db: WatchlistStoreDb;
let clock: { now: number };
let worker: Worker;
let report: ReturnType<typeof vi.fn<(event: WatchlistEvent) => Promise<boolean>>>;

const names = async () => (await entriesInForce(worker.watchlist)).map((e) => e.clientName);
const status = () => worker.watchlist.status();
const alarmAt = async () => (await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime;
const badge = () => fakeBrowser.action.getBadgeText({});
const storedGenerations = async () => new Set((await db.blocks.toCollection().primaryKeys()).map(([g]) => g));

async function startWith(body: string, settings: object = {}): Promise<void> {
  server.answer({ body, etag: '"v1"' });
  await fakeBrowser.storage.local.set({ settings: { watchlistUrl: URL_CSV, refreshMinutes: 60, ...settings } });
  worker = await startWorker({ server, db, clock, report });
  await updateNow();
}

/** The next refresh, an hour on, with the server answering `body`. */
async function refreshWith(body: string, etag: string, type?: string): Promise<void> {
  server.answer({ body, etag, type });
  clock.now += 60 * MINUTE;
  await updateNow();
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  server = createServer();
  db = freshDb();
  clock = { now: T0 };
  report = vi.fn(() => Promise.resolve(true));
});

const cutCsv = (cut: string) => TEN.slice(0, TEN.indexOf(cut));
const JSON_TEN = JSON.stringify({
  version: 'j1',
  entries: [1, 2, 3].map((n) => ({ clientNumber: `C-${n}`, clientName: `Client ${n} Ltd` })),
});

describe('a firm list cut off part-way', () => {
  it.each<[string, string, RegExp, string?]>([
    ['CSV, in the middle of the last row', cutCsv('Client 7'), /^Line 8, the last row, has 2 of the header's 8 fields/],
    [
      'CSV, inside a quoted field',
      `${cutCsv('C-7')}C-7,"Client 7`,
      /^Line 8: a quoted field opened on this line is never closed/,
    ],
    [
      'CSV, right after the last field (no final line break)',
      TEN.slice(0, -1),
      /^Line 11, the last row, has no line break/,
    ],
    ['JSON, before it closes', JSON_TEN.slice(0, -3), /^The JSON ends at line 1, inside entry 3/, 'application/json'],
  ])('is refused and the last good list stays, with the reason shown: %s', async (_name, body, detail, type) => {
    await startWith(TEN);
    const good = await names();
    await refreshWith(body, '"cut"', type);
    expect(await status()).toMatchObject({
      source: 'firm',
      entryCount: 10,
      lastError: INCOMPLETE_MESSAGE,
      errorDetail: expect.stringMatching(detail),
      held: null,
    });
    expect(await names()).toEqual(good);
    expect(await storedGenerations()).toHaveLength(1);
    expect(await badge()).toBe('ERR');
    // Likely a file caught while it was being written: tried again soon, with back-off.
    expect(await alarmAt()).toBe(clock.now + MINUTE);
  });

  it('is refused as the first list too: the demo list stays', async () => {
    await startWith(cutCsv('Client 7'));
    expect(await status()).toMatchObject({ source: 'demo', version: DEMO_VERSION, lastError: INCOMPLETE_MESSAGE });
  });

  it('is reported to the collector once while downloads keep coming cut, and again after a whole one', async () => {
    await startWith(TEN);
    await refreshWith(cutCsv('Client 7'), '"cut1"');
    await refreshWith(cutCsv('Client 5'), '"cut2"');
    await vi.waitFor(() => expect(report).toHaveBeenCalledTimes(1));
    expect(report.mock.calls[0]![0]).toMatchObject({
      type: 'watchlist-incomplete',
      url: URL_CSV,
      inForce: { entryCount: 10 },
      detail: expect.stringMatching(/^Line 8, the last row/),
    });
    await refreshWith(TEN, '"v1b"');
    await refreshWith(cutCsv('Client 3'), '"cut3"');
    await vi.waitFor(() => expect(report).toHaveBeenCalledTimes(2));
  });
});

describe('a firm list that shrank by more than maxShrinkPercent', () => {
  it('is applied when it shrank less (10 → 8 is 20%)', async () => {
    await startWith(TEN);
    await refreshWith(csv(8), '"v2"');
    expect(await status()).toMatchObject({ entryCount: 8, lastError: null, held: null });
  });

  it('is held back, the last good list stays, and it is shown and reported (10 → 6 is 40%)', async () => {
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    const held = (await status()).held;
    expect(held).toMatchObject({
      entryCount: 6,
      lastGoodCount: 10,
      shrinkPercent: 40,
      maxShrinkPercent: 20,
      since: new Date(clock.now).toISOString(),
      message: expect.stringMatching(
        /^The new firm watchlist is much shorter than the one in use \(6 entries instead of 10 entries\)/,
      ),
    });
    expect(await status()).toMatchObject({ entryCount: 10, lastError: held?.message, errorDetail: held?.detail });
    expect(await names()).toHaveLength(10);
    expect(await storedGenerations()).toHaveLength(1);
    expect(await badge()).toBe('ERR');
    // The server answered properly: looked at again on the normal schedule, not backed off.
    expect(await alarmAt()).toBe(clock.now + 60 * MINUTE);
    await vi.waitFor(() => expect(report).toHaveBeenCalledTimes(1));
    const event = report.mock.calls[0]![0];
    expect(event).toMatchObject({
      type: 'watchlist-held',
      version: held?.version,
      entryCount: 6,
      inForce: { entryCount: 10 },
      shrinkPercent: 40,
      maxShrinkPercent: 20,
    });
    // Counts and versions only: nothing of the list itself reaches the collector.
    expect(JSON.stringify(event)).not.toMatch(/Client \d|C-\d|c\d\.example/);
  });

  it('stays held, and is reported once, while the server keeps publishing it', async () => {
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    const since = (await status()).held?.since;
    await refreshWith(csv(6), '"v2"');
    expect((await status()).held?.since).toBe(since);
    await vi.waitFor(() => expect(report).toHaveBeenCalledTimes(1));
  });

  it('is reported again when the collector did not take it the first time', async () => {
    report.mockResolvedValueOnce(false);
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    await refreshWith(csv(6), '"v2"');
    await vi.waitFor(() => expect(report).toHaveBeenCalledTimes(2));
  });

  it('gives way to a newer version within the limit', async () => {
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    await refreshWith(csv(9), '"v3"');
    expect(await status()).toMatchObject({ entryCount: 9, lastError: null, errorDetail: null, held: null });
    expect(await badge()).toBe('');
  });

  it('is replaced by a newer version that is still too short, measured against the last good list', async () => {
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    await refreshWith(csv(7), '"v3"');
    expect(await status()).toMatchObject({ entryCount: 10, held: { entryCount: 7, lastGoodCount: 10 } });
    await vi.waitFor(() => expect(report).toHaveBeenCalledTimes(2));
  });

  it('is dropped when the server publishes the list in force again (304)', async () => {
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    await refreshWith(TEN, '"v1"');
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(await status()).toMatchObject({ entryCount: 10, lastError: null, held: null });
  });

  it.each([
    ['raised past its shrink', 50],
    ['set to 100, which turns the check off', 100],
  ])('is applied at once when policy maxShrinkPercent is %s', async (_name, limit) => {
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    const requests = server.requests.length;
    await fakeBrowser.storage.local.set({
      settings: { watchlistUrl: URL_CSV, refreshMinutes: 60, maxShrinkPercent: limit },
    });
    await vi.waitFor(async () => expect(await status()).toMatchObject({ entryCount: 6, held: null, lastError: null }));
    expect(server.requests).toHaveLength(requests + 1);
  });

  it('is not fetched again when the limit is raised but still below its shrink', async () => {
    await startWith(TEN);
    await refreshWith(csv(6), '"v2"');
    const requests = server.requests.length;
    await fakeBrowser.storage.local.set({
      settings: { watchlistUrl: URL_CSV, refreshMinutes: 60, maxShrinkPercent: 30 },
    });
    await worker.policy.current();
    await new Promise((r) => setTimeout(r, 10));
    expect(server.requests).toHaveLength(requests);
    expect((await status()).held).toMatchObject({ entryCount: 6 });
  });

  it('with maxShrinkPercent 0 holds back any shrink', async () => {
    await startWith(TEN, { maxShrinkPercent: 0 });
    await refreshWith(csv(9), '"v2"');
    expect((await status()).held).toMatchObject({ entryCount: 9, maxShrinkPercent: 0 });
  });
});

describe('the first firm list', () => {
  it('has nothing to shrink from: a one-entry list replaces the demo list of over a hundred', async () => {
    await startWith(csv(1));
    expect(await status()).toMatchObject({ source: 'firm', entryCount: 1, lastError: null, held: null });
  });
});
