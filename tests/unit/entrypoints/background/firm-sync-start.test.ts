import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFirmSync } from '@/entrypoints/background/firm-sync';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import type { EffectivePolicy } from '@/lib/policy/types';
import { createServer, freshDb, URL_CSV } from '@/tests/helpers/background-watchlist';

const T0 = Date.parse('2025-03-04T08:00:00Z');
const withUrl = (watchlistUrl: string): EffectivePolicy => ({
  policy: { ...DEFAULT_POLICY, watchlistUrl },
  managedKeys: [],
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a watchlist URL set while the worker starts', () => {
  it('is fetched, though start-up was still reading the policy from before the change', async () => {
    const server = createServer();
    // Start-up's read of the policy is slow (Chrome's managed storage, while its policy store
    // loads); the user saves the URL in the options page meanwhile.
    let finishStartupRead = (_policy: EffectivePolicy) => undefined as void;
    const startupRead = new Promise<EffectivePolicy>((resolve) => (finishStartupRead = resolve));
    let latest: Promise<EffectivePolicy> = startupRead;
    const listeners: ((policy: EffectivePolicy) => void)[] = [];
    const current = vi.fn(() => latest);
    const sync = createFirmSync({
      policy: { current, onChange: (cb) => void listeners.push(cb) },
      db: freshDb(),
      fetch: server.fetch,
      now: () => T0,
      random: () => 0.5,
    });
    await vi.waitFor(() => expect(current).toHaveBeenCalled());

    latest = Promise.resolve(withUrl(URL_CSV));
    for (const cb of listeners) cb(withUrl(URL_CSV));
    finishStartupRead(withUrl(''));

    await vi.waitFor(async () => expect((await sync.state()).active?.url).toBe(URL_CSV));
    expect(server.requests.map((r) => r.url)).toEqual([URL_CSV]);
  });
});
