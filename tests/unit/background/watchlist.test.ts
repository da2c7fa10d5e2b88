import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupPolicy, type PolicyService } from '../../../entrypoints/background/setup-policy';
import { setupWatchlist, URL_SYNC_UNAVAILABLE, type ActiveWatchlist, type WatchlistService } from '../../../entrypoints/background/setup-watchlist';
import { createMessageRouter } from '../../../lib/platform/messaging';
import type { Reply, ResponseOf } from '../../../lib/platform/protocol';
import { DEFAULT_POLICY } from '../../../lib/policy/defaults';
import { DEMO_VERSION, DEMO_WATCHLIST_SOURCE_LABEL, parseDemoWatchlist } from '../../../lib/watchlist/demo';

const fromOptions = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
const fromGmail = { id: fakeBrowser.runtime.id, tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' }, url: 'https://mail.google.com/mail/u/0/', frameId: 0 };

let policy: PolicyService;
let watchlist: WatchlistService;

async function send(type: string, payload: unknown, sender: object): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  return reply as unknown as Reply<unknown>;
}
async function status(): Promise<ResponseOf<'getStatus'>> {
  const reply = await send('getStatus', {}, fromOptions);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as ResponseOf<'getStatus'>;
}
async function setSettings(settings: object): Promise<void> {
  await fakeBrowser.storage.local.set({ settings });
  await policy.current();
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Matterguard', version: '0.3.1' });
  const router = createMessageRouter();
  policy = setupPolicy(router);
  watchlist = setupWatchlist(router, policy);
  router.listen();
  await policy.current();
});

describe('the active watchlist (this version: the embedded demo list)', () => {
  it('is the demo list, with the demo firm domain to fall back on while policy names none', async () => {
    const active = await watchlist.active();
    expect(active.entries).toEqual(parseDemoWatchlist().entries);
    expect(active.firmDomainsFallback).toEqual(['harrowvale.example']);
  });

  it('drops the fallback once policy names the firm domains', async () => {
    await setSettings({ firmDomains: ['examplelaw.example'] });
    expect((await watchlist.active()).firmDomainsFallback).toEqual([]);
  });

  it('says plainly that a watchlist URL is not synced yet, and keeps the demo list', async () => {
    await setSettings({ watchlistUrl: 'https://it.examplelaw.example/watchlist.csv' });
    const active = await watchlist.active();
    expect(active.status).toMatchObject({ source: 'demo', entryCount: 106, lastError: URL_SYNC_UNAVAILABLE });
    expect(active.entries).toHaveLength(106);
  });

  it('tells listeners when its status or fallback changes, and not otherwise', async () => {
    const seen: ActiveWatchlist[] = [];
    watchlist.onChange((w) => seen.push(w));
    await setSettings({ mode: 'audit' });
    await setSettings({ mode: 'audit', firmDomains: ['examplelaw.example'] });
    expect(seen.map((w) => w.firmDomainsFallback)).toEqual([[]]);
    expect(seen[0]?.entries).toBe((await watchlist.active()).entries);
  });
});

describe('getStatus', () => {
  it('gives the popup and options page the list status, the policy and the extension version', async () => {
    const answer = await status();
    expect(answer).toEqual({
      watchlist: {
        source: 'demo',
        sourceLabel: DEMO_WATCHLIST_SOURCE_LABEL,
        version: DEMO_VERSION,
        entryCount: 106,
        lastSync: expect.any(String),
        lastError: null,
      },
      policy: { policy: DEFAULT_POLICY, managedKeys: [] },
      extensionVersion: '0.3.1',
    });
    expect(Date.parse(answer.watchlist.lastSync!)).not.toBeNaN();
  });

  it('is refused from a web page: no page may learn about the client list', async () => {
    const reply = await send('getStatus', {}, fromGmail);
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toMatch(/Acme|demo/i);
  });
});
