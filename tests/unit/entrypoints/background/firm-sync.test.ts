import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_ALARM } from '@/entrypoints/background/firm-sync';
import { firmWatchlistItem } from '@/lib/storage/items';
import type { WatchlistStoreDb } from '@/lib/db/watchlist-store';
import { DEMO_VERSION } from '@/lib/watchlist/demo';
import {
  createServer,
  entriesInForce,
  freshDb,
  HEADER,
  LIST_V2,
  startWorker,
  updateNow,
  URL_CSV,
  type FakeServer,
  type Worker,
} from '@/tests/helpers/background-watchlist';

const MINUTE = 60_000;
const T0 = Date.parse('2025-03-04T08:00:00Z');

let server: FakeServer;
let db: WatchlistStoreDb;
let clock: { now: number };
let worker: Worker;

const start = (maxBytes?: number) => startWorker({ server, db, clock, maxBytes });
const names = async () => (await entriesInForce(worker.watchlist)).map((e) => e.clientName);
const alarmAt = async () => (await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime;
const storedGenerations = async () => new Set((await db.blocks.toCollection().primaryKeys()).map(([g]) => g));

async function startWithUrl(refreshMinutes = 60): Promise<void> {
  await fakeBrowser.storage.local.set({ settings: { watchlistUrl: URL_CSV, refreshMinutes } });
  worker = await start();
  await updateNow();
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  server = createServer();
  db = freshDb();
  clock = { now: T0 };
});

describe('the firm list from watchlistUrl', () => {
  it('is fetched at start, replaces the demo list, and is checked again after refreshMinutes', async () => {
    await startWithUrl(30);
    expect(await names()).toEqual(['Kestrel Mining plc', 'Lumen Bank AG']);
    expect(await worker.watchlist.status()).toMatchObject({
      source: 'firm',
      sourceLabel: URL_CSV,
      entryCount: 2,
      lastSync: new Date(T0).toISOString(),
      lastError: null,
      syncing: false,
    });
    expect(await alarmAt()).toBe(T0 + 30 * MINUTE);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('sends the ETag back; a 304 downloads nothing and keeps the very same list', async () => {
    await startWithUrl();
    const before = await worker.watchlist.active();
    const requests = server.requests.length;
    clock.now += 60 * MINUTE;
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: clock.now });
    await updateNow();
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    const after = await worker.watchlist.active();
    expect(server.requests).toHaveLength(requests + 1);
    expect(after.revision).toBe(before.revision);
    expect(after.status.lastSync).toBe(new Date(clock.now).toISOString());
    expect(await storedGenerations()).toHaveLength(1);
  });

  it('takes a changed list at the next refresh', async () => {
    await startWithUrl();
    server.answer({ body: LIST_V2, etag: '"v2"' });
    clock.now += 60 * MINUTE;
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: clock.now });
    await updateNow();
    expect(await names()).toEqual(['Kestrel Mining plc', 'Lumen Bank AG', 'Harbour Freight Ltd']);
    expect(await storedGenerations()).toHaveLength(1);
  });

  it('needs no download in a restarted worker: the last good list comes from IndexedDB', async () => {
    await startWithUrl();
    const requests = server.requests.length;
    clock.now += 10 * MINUTE;
    worker = await start();
    expect(await names()).toEqual(['Kestrel Mining plc', 'Lumen Bank AG']);
    expect(server.requests).toHaveLength(requests);
  });

  it('checks at once in a restarted worker when the check is overdue, with the stored ETag', async () => {
    await startWithUrl();
    clock.now += 2 * 60 * MINUTE;
    worker = await start();
    await updateNow();
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('reads JSON by its content type', async () => {
    server.answer({
      body: JSON.stringify({
        version: '2025-03-01',
        entries: [{ clientNumber: 'C-9', clientName: 'Quay Partners LLP' }],
      }),
      type: 'application/json',
    });
    await startWithUrl();
    expect(await worker.watchlist.status()).toMatchObject({ version: '2025-03-01', entryCount: 1 });
  });

  it('shows the rows it could not read, with their lines, and loads the rest', async () => {
    server.answer({ body: `${HEADER}\nC-1,Kestrel Mining plc,,,,,,\n,No Number Ltd,,,,,,\n`, etag: '"x"' });
    await startWithUrl();
    const status = await worker.watchlist.status();
    expect(status.entryCount).toBe(1);
    expect(status.issues).toEqual([{ line: 3, message: expect.stringMatching(/client_number is empty/) }]);
  });

  it('goes back to the demo list, and removes the stored one, when the URL is removed', async () => {
    await startWithUrl();
    await fakeBrowser.storage.local.set({ settings: {} });
    await worker.policy.current();
    await vi.waitFor(async () => expect((await worker.watchlist.status()).source).toBe('demo'));
    expect(await storedGenerations()).toHaveLength(0);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });
});

const bigBody = (bytes: number) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        const row = new TextEncoder().encode('C-5,Filler Client Ltd,,,,,,\n'.repeat(1000));
        controller.enqueue(new TextEncoder().encode(`${HEADER}\n`));
        for (let sent = 0; sent < bytes; sent += row.length) controller.enqueue(row);
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/csv' } },
  );

const brokenStream = () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${HEADER}\nC-7,Half Loaded Ltd,,,,,,\n`));
        controller.error(new TypeError('network error'));
      },
    }),
  );

describe('a failed update keeps the last good list, says why, and backs off', () => {
  it.each<[string, () => Parameters<FakeServer['answer']>[0], RegExp]>([
    [
      'a dead URL or a refused certificate',
      () => new TypeError('Failed to fetch'),
      /^Could not reach dms\.harrowvale\.example \(Failed to fetch\)/,
    ],
    [
      'a server error',
      () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }),
      /server had a problem \(HTTP 500 Internal Server Error\)/,
    ],
    [
      'a sign-in page instead of the list',
      () => ({ body: '<!DOCTYPE html><html><body>Sign in to continue</body></html>', type: 'text/html' }),
      /web page.*sign-in page/,
    ],
    ['a file with no valid rows', () => ({ body: `${HEADER}\n,Nameless,,,,,,\n` }), /No entries loaded/],
    [
      'a file that is not a watchlist',
      () => ({ body: 'name,email\nAnn,ann@example.com\n' }),
      /no client_number column/,
    ],
    ['a download cut off in the middle', brokenStream, /Could not reach .*network error/],
    ['a file larger than the cap', () => bigBody(400_000), /larger than 0 MB.*download was stopped/],
    [
      'a declared size over the cap',
      () => new Response('x', { headers: { 'content-length': String(500 * 1024 * 1024) } }),
      /is 500 MB, more than the 0 MB/,
    ],
  ])('%s', async (_name, answer, message) => {
    await startWithUrl();
    const good = await names();
    server.answer(answer());
    worker = await start(300_000);
    const status = await updateNow();
    expect(status.lastError).toMatch(message);
    expect(status).toMatchObject({ source: 'firm', entryCount: 2, lastSync: new Date(T0).toISOString() });
    expect(await names()).toEqual(good);
    expect(await storedGenerations()).toEqual(new Set([(await firmWatchlistItem.getValue()).active?.generation]));
    expect(await alarmAt()).toBe(clock.now + 1 * MINUTE);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('ERR');
  });

  it('keeps the last good list when firm policy names a URL that is not https, and fetches nothing', async () => {
    await startWithUrl();
    const good = await names();
    const fetched = server.requests.length;
    // Never the user's URL, never the demo list: the firm's unusable URL is kept and refused.
    await fakeBrowser.storage.managed.set({ watchlistUrl: 'http://dms.harrowvale.example/watchlist.csv' });
    worker = await start();
    const status = await updateNow();
    expect(status).toMatchObject({ source: 'firm', entryCount: 2, url: 'http://dms.harrowvale.example/watchlist.csv' });
    expect(status.lastError).toMatch(/is not an https:\/\/ address, so it is not fetched/);
    expect(await names()).toEqual(good);
    expect(server.requests.length).toBe(fetched);
  });

  it('waits longer after each failure in a row (capped at the refresh interval, at least an hour), and recovers on success', async () => {
    await startWithUrl(240);
    server.answer(new Response('', { status: 503 }));
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await updateNow();
      waits.push(((await alarmAt())! - clock.now) / MINUTE);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
    server.answer({ body: LIST_V2, etag: '"v2"' });
    expect(await updateNow()).toMatchObject({ lastError: null, entryCount: 3 });
    expect(await alarmAt()).toBe(clock.now + 240 * MINUTE);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('keeps the demo list, and says why, when the first download fails', async () => {
    server.answer(new Response('', { status: 404, statusText: 'Not Found' }));
    await startWithUrl();
    expect(await worker.watchlist.status()).toMatchObject({
      source: 'demo',
      version: DEMO_VERSION,
      lastError: expect.stringMatching(/no watchlist at this address/),
    });
  });
});

describe('nothing half-loaded is ever used', () => {
  it('removes a list a killed worker left half-written, and keeps the good one', async () => {
    await startWithUrl();
    await db.blocks.put({
      generation: 'half-written',
      index: 0,
      bytes: new TextEncoder().encode(`${HEADER}\nC-8,Half Ltd`),
    });
    worker = await start();
    expect(await names()).toEqual(['Kestrel Mining plc', 'Lumen Bank AG']);
    expect([...(await storedGenerations())]).not.toContain('half-written');
  });

  it('fetches again when the stored list has gone missing', async () => {
    await startWithUrl();
    await db.blocks.clear();
    server.answer({ body: LIST_V2, etag: '"v2"' });
    worker = await start();
    await vi.waitFor(async () => expect(await names()).toContain('Harbour Freight Ltd'));
  });
});
