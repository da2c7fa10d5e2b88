import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PERSONAL_RETRY_ALARM } from '@/entrypoints/background/setup-personal';
import type { PersonalImportResult, PersonalView, WatchlistResponses } from '@/lib/protocol/protocol-watchlist';
import type { WatchlistStatus } from '@/lib/protocol/protocol';
import { EMPTY_FIELDS, type PersonalFields } from '@/lib/watchlist/personal';
import { layoutForSync, META_KEY } from '@/lib/watchlist/personal-codec';
import {
  createServer,
  data,
  entriesInForce,
  freshDb,
  fromGmail,
  send,
  startWorker,
  type Worker,
} from '@/tests/helpers/background-watchlist';

let worker: Worker;

const start = () =>
  startWorker({ server: createServer(), db: freshDb(), clock: { now: Date.parse('2025-03-04T08:00:00Z') } });
const list = () => data<PersonalView>(send('listPersonal', {}));
const save = (fields: Partial<PersonalFields>, id: string | null = null) =>
  data<WatchlistResponses['savePersonalEntry']>(
    send('savePersonalEntry', { id, fields: { ...EMPTY_FIELDS, ...fields } }),
  );
const addTerm = (term: string) => data<WatchlistResponses['addPersonalTerm']>(send('addPersonalTerm', { term }));
const status = async () => (await data<{ watchlist: WatchlistStatus }>(send('getStatus', {}))).watchlist;
const inForce = async () =>
  (await entriesInForce(worker.watchlist))
    .filter((e) => e.source === 'personal')
    .map((e) => e.clientName || e.clientNumber);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  worker = await start();
});

describe('the personal list', () => {
  it('adds, edits and deletes entries, and they guard at once', async () => {
    const added = await save({ clientName: 'Project Kingfisher', allowedDomains: 'Kingfisher.example' });
    expect(added.errors).toBeNull();
    expect(added.view.items).toMatchObject([
      {
        entry: { clientName: 'Project Kingfisher', allowedDomains: ['kingfisher.example'], source: 'personal' },
        coveredBy: null,
      },
    ]);
    expect(await inForce()).toEqual(['Project Kingfisher']);

    const id = added.view.items[0]!.id;
    const edited = await save({ clientName: 'Project Kestrel' }, id);
    expect(edited.view.items.map((i) => [i.id, i.entry.clientName])).toEqual([[id, 'Project Kestrel']]);
    expect(await inForce()).toEqual(['Project Kestrel']);

    const after = await data<PersonalView>(send('deletePersonalEntry', { id }));
    expect(after.items).toEqual([]);
    expect(await inForce()).toEqual([]);
  });

  it('says what is wrong with each field and saves nothing', async () => {
    const { errors, view } = await save({
      clientName: 'Beta Deal',
      allowedDomains: 'beta.example; not a domain',
      walled: 'nobody',
    });
    expect(errors).toEqual({
      allowedDomains: 'Allowed domains: "not", "a", "domain" are not valid.',
      walled: expect.stringMatching(/"nobody" is not valid/),
    });
    expect(view.items).toEqual([]);
  });

  it('changes the watchlist version, so the compiled matcher and the log follow the edit', async () => {
    const before = await status();
    await addTerm('Project Kingfisher');
    const after = await status();
    expect(after.version).not.toBe(before.version);
    expect(after).toMatchObject({
      listVersion: before.listVersion,
      entryCount: before.entryCount + 1,
      personalCount: 1,
    });
  });

  it('shows an entry the firm list already has once, as the firm’s', async () => {
    await addTerm('Acme Holdings Ltd');
    expect((await list()).items[0]?.coveredBy).toBe('Acme Holdings Ltd (C-004512) — matter 12345-0001');
    expect(await inForce()).toEqual([]);
  });

  it('adds a typed or selected term as a name, or as an identifier when it is one', async () => {
    expect(await addTerm('  Project   Heron ')).toEqual({ outcome: 'added', label: 'Project Heron' });
    expect(await addTerm('77120-0042')).toEqual({ outcome: 'added', label: '77120-0042' });
    expect(await addTerm('project heron')).toEqual({ outcome: 'exists', label: 'project heron' });
    expect((await list()).items.map((i) => [i.entry.clientName, i.entry.clientNumber])).toEqual([
      ['Project Heron', ''],
      ['', '77120-0042'],
    ]);
    await expect(addTerm('&')).rejects.toThrow(/at least 2 letters or digits/);
  });

  it('imports a CSV in the firm format, reporting bad rows by line and skipping entries it has', async () => {
    await addTerm('Project Heron');
    const csv =
      'client_name,client_number,allowed_domains\nProject Heron,,\nOsprey Capital,C-77,osprey.example\n,,stray.example\nWren Holdings,,not a domain!\n';
    const result = await data<PersonalImportResult>(send('importPersonal', { text: csv, fileName: 'mine.csv' }));
    expect(result).toMatchObject({ added: 2, duplicates: 1 });
    expect(result.issues.map((i) => i.line)).toEqual([4, 5]);
    expect(result.view.items.map((i) => i.entry.clientName)).toEqual([
      'Project Heron',
      'Osprey Capital',
      'Wren Holdings',
    ]);
  });

  it('is not reachable from a web page', async () => {
    const reply = await send('addPersonalTerm', { term: 'Injected Ltd' }, fromGmail);
    expect(reply.ok).toBe(false);
  });
});

describe('policy allowPersonalWatchlist: false', () => {
  it('hides the list, ignores its entries, refuses changes, and keeps it on the device', async () => {
    await addTerm('Project Heron');
    await fakeBrowser.storage.local.set({ settings: { allowPersonalWatchlist: false } });
    await worker.policy.current();
    expect(await list()).toMatchObject({ enabled: false, items: [] });
    expect(await inForce()).toEqual([]);
    expect((await status()).personalCount).toBe(0);
    await expect(addTerm('Project Wren')).rejects.toThrow('Your firm has turned off personal watchlists.');
    await fakeBrowser.storage.local.set({ settings: {} });
    await worker.policy.current();
    expect(await inForce()).toEqual(['Project Heron']);
  });
});

describe('sync across the user’s browsers', () => {
  const syncArea = () => fakeBrowser.storage.sync.get(null);

  it('writes the list to storage.sync in chunks within the quotas, and says how much room is left', async () => {
    for (let i = 0; i < 300; i++) await addTerm(`Project Codename Number ${i}`);
    const area = await syncArea();
    const chunks = Object.keys(area).filter((k) => k.startsWith('personal.'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const key of Object.keys(area))
      expect(key.length + new TextEncoder().encode(JSON.stringify(area[key])).length).toBeLessThanOrEqual(8192);
    const { sync } = await list();
    expect(sync).toMatchObject({ synced: true, error: null, totalBytes: 102_400 });
    expect(sync.usedBytes).toBeGreaterThan(10_000);
    expect(sync.moreEntries).toBeGreaterThan(500);
  });

  it('keeps a list too large to sync on this computer, says so, and still guards with it', async () => {
    const rows = Array.from({ length: 2600 }, (_, i) => `Osprey Capital Client Alias ${i}`).join('\n');
    await data(send('importPersonal', { text: `client_name\n${rows}\n`, fileName: 'big.csv' }));
    const { sync, items } = await list();
    expect(items).toHaveLength(2600);
    expect(sync.synced).toBe(false);
    expect(sync.error).toMatch(
      /kept on this computer, but it is too large to sync.*needs 1\d\d\.\d KB of the 100\.0 KB/,
    );
    expect(sync.moreEntries).toBe(0);
    expect((await inForce()).length).toBe(2600);
  });

  it('keeps edits when the browser refuses the write, and tries again later', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'),
    );
    await addTerm('Project Heron');
    expect((await list()).sync).toMatchObject({
      synced: false,
      error: expect.stringMatching(/could not be synced just now \(MAX_WRITE/),
    });
    // A retry is scheduled in the future (alarms survive a killed worker; a timer would not).
    expect(await fakeBrowser.alarms.get(PERSONAL_RETRY_ALARM)).toMatchObject({
      name: PERSONAL_RETRY_ALARM,
      scheduledTime: expect.any(Number),
    });
    expect((await fakeBrowser.alarms.get(PERSONAL_RETRY_ALARM))!.scheduledTime).toBeGreaterThan(Date.now() - 1000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: PERSONAL_RETRY_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await list()).sync.synced).toBe(true));
    expect((await syncArea())[META_KEY]).toMatchObject({ count: 1 });
  });

  it('takes a newer list from another browser', async () => {
    await addTerm('Project Heron');
    const remote = layoutForSync(['zz000001\t\tProject Wren', 'zz000002\t\tProject Tern'], Date.now() + 60_000);
    await fakeBrowser.storage.sync.set(remote.items);
    await vi.waitFor(async () =>
      expect((await list()).items.map((i) => i.entry.clientName)).toEqual(['Project Wren', 'Project Tern']),
    );
  });

  it('ignores another browser’s list while its chunks are still arriving', async () => {
    await addTerm('Project Heron');
    const remote = layoutForSync(['zz000001\t\tProject Wren'], Date.now() + 60_000);
    await fakeBrowser.storage.sync.set({ [META_KEY]: remote.items[META_KEY] });
    await fakeBrowser.storage.sync.remove('personal.0');
    expect((await list()).items.map((i) => i.entry.clientName)).toEqual(['Project Heron']);
  });

  it('merges instead of losing edits that never reached sync', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('sync is off'));
    await addTerm('Project Heron');
    const remote = layoutForSync(['zz000001\t\tProject Wren'], Date.now() + 60_000);
    await fakeBrowser.storage.sync.set(remote.items);
    await vi.waitFor(async () =>
      expect((await list()).items.map((i) => i.entry.clientName)).toEqual(['Project Wren', 'Project Heron']),
    );
    await vi.waitFor(async () => expect((await syncArea())[META_KEY]).toMatchObject({ count: 2 }));
  });

  it('starts from the synced list in a browser that has none of its own', async () => {
    const remote = layoutForSync(['zz000001\t\tProject Wren'], Date.now());
    await fakeBrowser.storage.sync.set(remote.items);
    worker = await start();
    await vi.waitFor(async () => expect(await inForce()).toEqual(['Project Wren']));
  });
});
