import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ActiveWatchlist } from '@/entrypoints/background/setup-watchlist';
import type { ResponseOf } from '@/lib/protocol/protocol';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { POLICY_KEYS } from '@/lib/policy/keys';
import type { Policy } from '@/lib/policy/types';
import { DEMO_VERSION, DEMO_WATCHLIST_SOURCE_LABEL, parseDemoWatchlist } from '@/lib/watchlist/demo';
import {
  createServer,
  data,
  entriesInForce,
  freshDb,
  fromGmail,
  LIST_V1,
  send,
  startWorker,
  URL_CSV,
  type Worker,
} from '@/tests/helpers/background-watchlist';

let worker: Worker;

async function setSettings(settings: object): Promise<void> {
  await fakeBrowser.storage.local.set({ settings });
  await worker.policy.current();
}

beforeEach(async () => {
  fakeBrowser.reset();
  worker = await startWorker({
    server: createServer(),
    db: freshDb(),
    clock: { now: Date.parse('2025-03-04T08:00:00Z') },
  });
});

describe('the active watchlist before a firm list loads: the embedded demo list', () => {
  it('is the demo list, with the demo firm domain to fall back on while policy names none', async () => {
    expect(await entriesInForce(worker.watchlist)).toEqual(parseDemoWatchlist().entries);
    expect((await worker.watchlist.active()).firmDomainsFallback).toEqual(['harrowvale.example']);
  });

  it('drops the fallback once policy names the firm domains', async () => {
    await setSettings({ firmDomains: ['examplelaw.example'] });
    expect((await worker.watchlist.active()).firmDomainsFallback).toEqual([]);
  });

  it('streams its entries in batches of the size asked for', async () => {
    const sizes: number[] = [];
    for await (const batch of (await worker.watchlist.active()).batches(50)) sizes.push(batch.length);
    expect(sizes).toEqual([50, 50, 6]);
  });

  it('tells listeners when its status or fallback changes, and not otherwise', async () => {
    const seen: ActiveWatchlist[] = [];
    worker.watchlist.onChange((w) => seen.push(w));
    await setSettings({ mode: 'audit' });
    await setSettings({ mode: 'audit', firmDomains: ['examplelaw.example'] });
    await vi.waitFor(() => expect(seen.map((w) => w.firmDomainsFallback)).toEqual([[]]));
    expect(seen[0]?.revision).toBe((await worker.watchlist.active()).revision);
  });
});

/** The policy as pages see it: the token left out, not blanked (lib/policy/view.ts). */
function withoutToken({ collectorToken: _token, ...rest }: Policy): Omit<Policy, 'collectorToken'> {
  return rest;
}

describe('getStatus', () => {
  it('gives the popup and options page the list status, the policy and the extension version', async () => {
    const answer = await data<ResponseOf<'getStatus'>>(send('getStatus', {}));
    expect(answer).toEqual({
      watchlist: {
        source: 'demo',
        sourceLabel: DEMO_WATCHLIST_SOURCE_LABEL,
        version: DEMO_VERSION,
        listVersion: DEMO_VERSION,
        entryCount: 106,
        personalCount: 0,
        lastSync: expect.any(String),
        lastError: null,
        errorDetail: null,
        held: null,
        url: '',
        syncing: false,
        nextSync: null,
        issues: [],
      },
      policy: {
        policy: withoutToken(DEFAULT_POLICY),
        collectorTokenSet: false,
        managedKeys: [],
        access: Object.fromEntries(POLICY_KEYS.map((k) => [k, 'open'])),
      },
      extensionVersion: '0.3.1',
    });
  });

  it('is refused from a web page: no page may learn about the client list', async () => {
    const reply = await send('getStatus', {}, fromGmail);
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toMatch(/Acme|demo/i);
  });
});

describe('searchWatchlist', () => {
  it('finds entries of the list in force by number, name, matter or alias, case and accents folded as typed', async () => {
    const search = (query: string, limit = 50) =>
      data<ResponseOf<'searchWatchlist'>>(send('searchWatchlist', { query, limit }));
    expect((await search('project falcon')).entries.map((e) => e.matterNumber)).toEqual(['12345-0001']);
    expect((await search('C-007731')).entries).toHaveLength(4);
    expect(await search('acme', 2)).toMatchObject({
      entries: [{ clientName: 'Acme Holdings Ltd' }, { clientName: 'Acme Holdings Ltd' }],
      more: true,
    });
    expect((await search('nothing like this')).entries).toEqual([]);
  });

  it('is refused from a web page', async () => {
    expect((await send('searchWatchlist', { query: 'acme', limit: 5 }, fromGmail)).ok).toBe(false);
  });
});

describe('syncWatchlist ("Update now")', () => {
  it('says there is nothing to update without a URL', async () => {
    const reply = await send('syncWatchlist', {});
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/No watchlist URL is set/) });
  });

  it('loads the list at once when a URL is set', async () => {
    await setSettings({ watchlistUrl: URL_CSV });
    const status = await data<ResponseOf<'syncWatchlist'>>(send('syncWatchlist', {}));
    expect(status).toMatchObject({ source: 'firm', url: URL_CSV, entryCount: LIST_V1.trim().split('\n').length - 1 });
  });
});
