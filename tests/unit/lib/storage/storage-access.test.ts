import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictStorageToTrustedContexts } from '@/lib/storage/items';

type Area = 'local' | 'sync' | 'session' | 'managed';
const storage = fakeBrowser.storage as unknown as Record<Area, { setAccessLevel?: unknown }>;

beforeEach(() => {
  fakeBrowser.reset();
  for (const area of ['local', 'sync', 'session', 'managed'] as const) delete storage[area].setAccessLevel;
});

describe('restrictStorageToTrustedContexts', () => {
  it('closes every area that has setAccessLevel (Chromium) to content scripts', async () => {
    const calls: [Area, unknown][] = [];
    for (const area of ['local', 'sync', 'session', 'managed'] as const)
      storage[area].setAccessLevel = vi.fn((options: unknown) => {
        calls.push([area, options]);
        return Promise.resolve();
      });
    expect(await restrictStorageToTrustedContexts()).toEqual({
      restricted: ['local', 'sync', 'session', 'managed'],
      open: [],
    });
    expect(calls.map(([, options]) => options)).toEqual(Array(4).fill({ accessLevel: 'TRUSTED_CONTEXTS' }));
  });

  it('says which areas stay open where the browser has no such call (Firefox) or refuses it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    storage.session.setAccessLevel = vi.fn(() => Promise.resolve());
    storage.local.setAccessLevel = vi.fn(() => Promise.reject(new Error('not supported')));
    expect(await restrictStorageToTrustedContexts()).toEqual({
      restricted: ['session'],
      open: ['local', 'sync', 'managed'],
    });
  });
});
