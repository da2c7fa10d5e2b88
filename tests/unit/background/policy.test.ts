import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupPolicy, type PolicyService } from '../../../entrypoints/background/setup-policy';
import { createMessageRouter } from '../../../lib/platform/messaging';
import type { Reply } from '../../../lib/platform/protocol';
import { DEFAULT_POLICY } from '../../../lib/policy/defaults';
import type { EffectivePolicy } from '../../../lib/policy/types';

const fromOptions = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
const fromGmail = {
  id: fakeBrowser.runtime.id,
  tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' },
  url: 'https://mail.google.com/mail/u/0/',
  frameId: 0,
};

let service: PolicyService;

async function send(type: string, payload: unknown, sender: object): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  return reply as unknown as Reply<unknown>;
}
async function data(reply: Promise<Reply<unknown>>): Promise<unknown> {
  const settled = await reply;
  if (!settled.ok) throw new Error(settled.error);
  return settled.data;
}
/** A worker (re)starting: its listeners registered afresh, its memory empty. */
async function start(): Promise<void> {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  const router = createMessageRouter();
  service = setupPolicy(router);
  router.listen();
  await service.current();
}
const storedSettings = async (): Promise<unknown> => (await fakeBrowser.storage.local.get('settings')).settings;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await start();
});

describe('policy on an unmanaged install', () => {
  it.each([
    [
      'rejects',
      () =>
        vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found')),
    ],
    [
      'throws',
      () =>
        vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => {
          throw new Error('not implemented');
        }),
    ],
    ['answers {}', () => undefined],
  ])('uses the defaults when the managed area %s', async (_name, arrange) => {
    arrange();
    await start();
    expect(await service.current()).toEqual({ policy: DEFAULT_POLICY, managedKeys: [] });
    expect(await data(send('getGuardConfig', { site: 'gmail' }, fromGmail))).toEqual({
      mode: 'warn',
      reasons: DEFAULT_POLICY.reasons,
      enabled: true,
    });
  });

  it('applies the settings stored under storage.local "settings", site switches included', async () => {
    await fakeBrowser.storage.local.set({ settings: { mode: 'audit', sites: { gmail: false } } });
    expect(await data(send('getGuardConfig', { site: 'gmail' }, fromGmail))).toMatchObject({
      mode: 'audit',
      enabled: false,
    });
    expect(await data(send('getGuardConfig', { site: 'outlook' }, fromGmail))).toMatchObject({
      mode: 'audit',
      enabled: true,
    });
  });
});

describe('saveSettings', () => {
  it('stores the values under "settings", keeps the others, and answers with the new policy', async () => {
    await fakeBrowser.storage.local.set({ settings: { userEmail: 'c.lee@harrowvale.example' } });
    const saved = (await data(
      send('saveSettings', { settings: { mode: 'block', firmDomains: ['HarrowVale.example'] } }, fromOptions),
    )) as EffectivePolicy;
    expect(saved.policy).toMatchObject({
      mode: 'block',
      firmDomains: ['harrowvale.example'],
      userEmail: 'c.lee@harrowvale.example',
    });
    expect(await storedSettings()).toEqual({
      userEmail: 'c.lee@harrowvale.example',
      mode: 'block',
      firmDomains: ['harrowvale.example'],
    });
  });

  it('survives a restarted worker (the settings live in storage)', async () => {
    await data(send('saveSettings', { settings: { logRecipients: 'none' } }, fromOptions));
    await start();
    expect((await service.current()).policy.logRecipients).toBe('none');
  });

  it('refuses a bad value with a reason and writes nothing', async () => {
    const reply = await send('saveSettings', { settings: { mode: 'audit', refreshMinutes: 1 } }, fromOptions);
    expect(reply).toEqual({ ok: false, error: 'Not saved. refreshMinutes: 1 is outside 5–1440.' });
    expect(await storedSettings()).toBeUndefined();
  });

  it('is refused from a web page', async () => {
    expect((await send('saveSettings', { settings: { mode: 'audit' } }, fromGmail)).ok).toBe(false);
    expect(await storedSettings()).toBeUndefined();
  });
});

describe('managed policy', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({
      mode: 'block',
      firmDomains: ['harrowvale.example'],
      refreshMinutes: 'often',
    });
    await fakeBrowser.storage.local.set({ settings: { mode: 'audit', refreshMinutes: 30 } });
  });

  it('wins over settings, is listed as managed, and a bad managed value falls back with an issue', async () => {
    expect(await service.current()).toEqual({
      policy: { ...DEFAULT_POLICY, mode: 'block', firmDomains: ['harrowvale.example'], refreshMinutes: 30 },
      managedKeys: ['firmDomains', 'mode'],
    });
    expect(await service.issues()).toEqual([expect.stringMatching(/^Managed policy: refreshMinutes ignored/)]);
  });

  it('cannot be changed from the options page', async () => {
    const reply = await send(
      'saveSettings',
      { settings: { mode: 'audit', userEmail: 'c.lee@harrowvale.example' } },
      fromOptions,
    );
    expect(reply).toEqual({ ok: false, error: 'Set by your firm: mode.' });
    expect(await storedSettings()).toEqual({ mode: 'audit', refreshMinutes: 30 });
    expect((await service.current()).policy.mode).toBe('block');
  });

  it('applies a change pushed while the browser runs, and tells listeners once', async () => {
    const seen: EffectivePolicy[] = [];
    service.onChange((p) => seen.push(p));
    await service.current();
    await fakeBrowser.storage.managed.set({ mode: 'warn' });
    expect((await service.current()).policy.mode).toBe('warn');
    await fakeBrowser.storage.local.set({
      settings: { mode: 'audit', refreshMinutes: 30, userEmail: 'c.lee@harrowvale.example' },
    });
    expect((await service.current()).policy.userEmail).toBe('c.lee@harrowvale.example');
    expect(seen.map((p) => [p.policy.mode, p.policy.userEmail])).toEqual([
      ['warn', ''],
      ['warn', 'c.lee@harrowvale.example'],
    ]);
  });
});

describe('a change while the worker starts', () => {
  it('is published even when the start-up read returns after it, and the older read never is', async () => {
    fakeBrowser.reset();
    // The first managed read (start-up's) is slow, as Chrome's is while its policy store loads.
    let finishStartup = (_value: Record<string, unknown>) => undefined as void;
    const reads = [new Promise<Record<string, unknown>>((resolve) => (finishStartup = resolve))];
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => reads.shift() ?? Promise.resolve({}));
    const router = createMessageRouter();
    service = setupPolicy(router);
    const heard: string[] = [];
    service.onChange(({ policy }) => heard.push(policy.watchlistUrl));
    await new Promise((r) => setTimeout(r, 0));

    await fakeBrowser.storage.local.set({ settings: { watchlistUrl: 'https://dms.harrowvale.example/list.csv' } });
    await vi.waitFor(() => expect(heard).toEqual(['https://dms.harrowvale.example/list.csv']));
    finishStartup({});
    await new Promise((r) => setTimeout(r, 0));

    expect(heard).toEqual(['https://dms.harrowvale.example/list.csv']);
    expect((await service.current()).policy.watchlistUrl).toBe('https://dms.harrowvale.example/list.csv');
  });
});
