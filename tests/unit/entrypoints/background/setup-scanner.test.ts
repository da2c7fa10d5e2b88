import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileActive, setupScanner } from '@/entrypoints/background/setup-scanner';
import type { ActiveWatchlist } from '@/entrypoints/background/setup-watchlist';
import type { CompiledWatchlist } from '@/lib/match';
import { CompiledCacheDb, createCompiledStore, type CompiledStore } from '@/lib/db/compiled-store';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply, ResponseOf, WatchlistStatus } from '@/lib/protocol/protocol';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import { entry } from '@/tests/helpers/watchlist-entry';

const V1 = [
  entry({
    clientNumber: 'C-004512',
    clientName: 'Acme Holdings Ltd',
    matterNumber: '12345-0001',
    allowedDomains: ['acme.example'],
  }),
  entry({ clientNumber: 'C-007731', clientName: 'Beta Industries GmbH', allowedDomains: ['beta.example'] }),
];
const V2 = [...V1, entry({ clientNumber: 'C-9', clientName: 'Globex Corporation' })];

function activeList(revision: string, entries: WatchlistEntry[]): ActiveWatchlist {
  return {
    revision,
    status: { source: 'firm', version: `v-${revision}`, entryCount: entries.length } as WatchlistStatus,
    firmDomainsFallback: ['firm.example'],
    batches: (size = 1) => inBatches(entries, size),
  };
}

/** As the watchlist service streams a list from storage: one batch at a time. */
async function* inBatches(entries: WatchlistEntry[], size: number): AsyncGenerator<WatchlistEntry[]> {
  for (let i = 0; i < entries.length; i += size) yield await Promise.resolve(entries.slice(i, i + size));
}

const fromTab = (tab: number, frameId = 0) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tab },
  url: 'https://mail.google.com/mail/u/0/',
  frameId,
});

interface Worker {
  compiles: number;
  scan(
    text: string,
    options?: { surfaceKey?: string; tab?: number; recipients?: string[] },
  ): Promise<ResponseOf<'scanSurface'>>;
}

/** A worker (re)starting: fresh listeners and memory; the IndexedDB store as it was. */
function startWorker(store: CompiledStore, list: () => ActiveWatchlist): Worker {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  const router = createMessageRouter();
  const worker: Worker = {
    compiles: 0,
    async scan(text, { surfaceKey, tab = 3, recipients = ['x@acme.example'] } = {}) {
      const payload = { site: 'gmail', fields: [{ name: 'body', text }], recipients, audience: null, surfaceKey };
      const sender: object = fromTab(tab);
      const [settled] = await fakeBrowser.runtime.onMessage.trigger({ type: 'scanSurface', payload }, sender);
      const reply = settled as unknown as Reply<ResponseOf<'scanSurface'>> | undefined;
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      return reply.data;
    },
  };
  const compile = (active: ActiveWatchlist): Promise<CompiledWatchlist> => {
    worker.compiles++;
    return compileActive(active);
  };
  const policy = { current: () => Promise.resolve({ policy: DEFAULT_POLICY, managedKeys: [] }) };
  setupScanner(router, { watchlist: { active: () => Promise.resolve(list()) }, policy, store, compile });
  router.listen();
  return worker;
}

const found = (answer: ResponseOf<'scanSurface'>) => answer.assessment.matches.map((m) => [m.start, m.text, m.level]);

let db: CompiledCacheDb;
let dbCount = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new CompiledCacheDb(`scanner-test-${dbCount++}`);
});

describe('the compiled watchlist survives a worker restart', () => {
  it('is compiled once, stored, and restored by the next worker instead of compiled again', async () => {
    const store = createCompiledStore(db);
    const first = startWorker(store, () => activeList('r1', V1));
    const before = await first.scan('Re: Acme Holdings, 12345-0001');
    expect(first.compiles).toBe(1);
    await vi.waitFor(async () => expect(await store.load('r1')).not.toBeNull());

    const restarted = startWorker(store, () => activeList('r1', V1));
    const after = await restarted.scan('Re: Acme Holdings, 12345-0001');
    expect(restarted.compiles).toBe(0);
    expect(found(after)).toEqual(found(before));
    expect(found(after)).toEqual([
      [4, 'Acme Holdings', 'notice'],
      [19, '12345-0001', 'notice'],
    ]);
  });

  it('compiles again when the list changes, and keeps only the new one', async () => {
    const store = createCompiledStore(db);
    let list = activeList('r1', V1);
    const worker = startWorker(store, () => list);
    expect(found(await worker.scan('Globex Corporation'))).toEqual([]);
    list = activeList('r2', V2);
    const answer = await worker.scan('Globex Corporation');
    expect([worker.compiles, answer.watchlistVersion, found(answer)]).toEqual([
      2,
      'v-r2',
      [[0, 'Globex Corporation', 'critical']],
    ]);
    await vi.waitFor(async () => expect(await store.load('r2')).not.toBeNull());
    expect(await store.load('r1')).toBeNull();
  });

  it.each([
    ['written by an older matcher', (c: CompiledWatchlist) => ({ ...c, format: 1 })],
    ['damaged', (c: CompiledWatchlist) => ({ ...c, table: 'gone' })],
  ])('compiles afresh when the stored copy is %s', async (_why, spoil) => {
    const compiled = await compileActive(activeList('r1', V1));
    await db.compiled.put({
      slot: 'active',
      revision: 'r1',
      compiled: spoil(compiled) as CompiledWatchlist,
      savedAt: '',
    });
    const worker = startWorker(createCompiledStore(db), () => activeList('r1', V1));
    expect(found(await worker.scan('Beta Industries'))).toEqual([[0, 'Beta Industries', 'critical']]);
    expect(worker.compiles).toBe(1);
  });

  it('still scans when the store cannot be used', async () => {
    const broken: CompiledStore = {
      load: () => Promise.reject(new Error('quota')),
      save: () => Promise.reject(new Error('quota')),
      clear: () => Promise.resolve(),
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = startWorker(broken, () => activeList('r1', V1));
    expect(found(await worker.scan('Acme Holdings'))).toEqual([[0, 'Acme Holdings', 'notice']]);
  });
});

describe('while typing, each surface is rescanned around the change', () => {
  it('gives the same matches as full scans, keystroke by keystroke, with tabs and surfaces apart', async () => {
    const worker = startWorker(createCompiledStore(db), () => activeList('r1', V1));
    const body = 'Dear team,\n\nplease see the draft for Beta Industries. '.repeat(20);
    let text = body;
    for (const ch of ' Also Acme Holdings re 12345 0001.') {
      text += ch;
      const incremental = await worker.scan(text, { surfaceKey: 'compose-1' });
      expect(found(incremental)).toEqual(found(await worker.scan(text)));
      // Another tab's surface with the same key sees only its own text.
      expect(found(await worker.scan('Acme', { surfaceKey: 'compose-1', tab: 9 }))).toEqual([]);
    }
    const last = await worker.scan(text, { surfaceKey: 'compose-1' });
    expect(found(last).slice(-2)).toEqual([
      [text.length - 33 + 5, 'Acme Holdings', 'notice'],
      [text.length - 11, '12345 0001', 'notice'],
    ]);
    const edited = text.replace('draft', 'final draft');
    expect(found(await worker.scan(edited, { surfaceKey: 'compose-1' }))).toEqual(found(await worker.scan(edited)));
  });

  it('refuses a surface key longer than the protocol allows', async () => {
    const worker = startWorker(createCompiledStore(db), () => activeList('r1', V1));
    await expect(worker.scan('Acme', { surfaceKey: 'k'.repeat(200) })).rejects.toThrow(/invalid request/);
  });
});
