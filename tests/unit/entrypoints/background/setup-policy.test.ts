import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupPolicy, type PolicyService } from '@/entrypoints/background/setup-policy';
import { MatterguardDb } from '@/lib/db/db';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply } from '@/lib/protocol/protocol';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import type { EffectivePolicy, PolicyView } from '@/lib/policy/types';

const fromOptions = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
const fromGmail = {
  id: fakeBrowser.runtime.id,
  tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' },
  url: 'https://mail.google.com/mail/u/0/',
  frameId: 0,
};
const fromOutlook = {
  ...fromGmail,
  tab: { id: 4, url: 'https://outlook.office.com/mail/' },
  url: 'https://outlook.office.com/mail/',
};

let service: PolicyService;
let db: MatterguardDb;
let dbCount = 0;

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
  service = setupPolicy(router, { db });
  router.listen();
  await service.current();
}
const storedSettings = async (): Promise<unknown> => (await fakeBrowser.storage.local.get('settings')).settings;

beforeEach(async () => {
  fakeBrowser.reset();
  // fake-indexeddb keeps databases across tests: one of its own for each.
  db = new MatterguardDb(`policy-test-${++dbCount}`);
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
    expect(await data(send('getGuardConfig', { site: 'outlook' }, fromOutlook))).toMatchObject({
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

  it('wins over settings; a bad managed value gives the safe value, never the user’s', async () => {
    expect(await service.current()).toEqual({
      policy: { ...DEFAULT_POLICY, mode: 'block', firmDomains: ['harrowvale.example'], refreshMinutes: 60 },
      managedKeys: ['firmDomains', 'refreshMinutes', 'mode'],
    });
    expect(await service.issues()).toEqual([
      expect.stringMatching(/^Managed policy: refreshMinutes is not valid \(.*\); 60 is in force\.$/),
    ]);
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
    // The policy set up above may be told first (its writes raced this test's start).
    await vi.waitFor(async () => expect((await service.current()).policy.mode).toBe('block'));
    await fakeBrowser.storage.managed.set({ mode: 'warn' });
    expect((await service.current()).policy.mode).toBe('warn');
    await fakeBrowser.storage.local.set({
      settings: { mode: 'audit', refreshMinutes: 30, userEmail: 'c.lee@harrowvale.example' },
    });
    expect((await service.current()).policy.userEmail).toBe('c.lee@harrowvale.example');
    const told = seen.map((p) => [p.policy.mode, p.policy.userEmail]).filter(([mode]) => mode !== 'block');
    expect(told).toEqual([
      ['warn', ''],
      ['warn', 'c.lee@harrowvale.example'],
    ]);
  });
});

describe('policy is the floor once the firm manages the browser', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({ mode: 'Block', watchlistUrl: 'https://it.harrowvale.example/l.csv' });
    // What the user set before the firm's policy arrived: all of it weaker.
    await fakeBrowser.storage.local.set({
      settings: { mode: 'audit', sites: { gmail: false }, firmDomains: ['gmail.com'], logRecipients: 'none' },
    });
    await start();
  });

  it('ignores the user’s weaker values: the guard stays on, at the strictest mode', async () => {
    expect(await data(send('getGuardConfig', { site: 'gmail' }, fromGmail))).toMatchObject({
      mode: 'block',
      enabled: true,
    });
    expect((await service.current()).policy).toMatchObject({ firmDomains: [], logRecipients: 'domain' });
  });

  it.each<[string, unknown, string]>([
    ['sites', { outlook: false }, 'Locked because your firm manages Matterguard: sites.'],
    ['firmDomains', ['gmail.com'], 'Locked because your firm manages Matterguard: firmDomains.'],
    ['collectorUrl', '', 'Locked because your firm manages Matterguard: collectorUrl.'],
    ['mode', 'warn', 'Set by your firm: mode.'],
    ['watchlistUrl', '', 'Set by your firm: watchlistUrl.'],
    [
      'refreshMinutes',
      120,
      'Not saved. refreshMinutes: your firm manages Matterguard, so this can only be made stricter than 60.',
    ],
  ])('refuses to save %s = %j, whatever the page sends', async (key, value, error) => {
    const before: unknown = await storedSettings();
    expect(await send('saveSettings', { settings: { [key]: value } }, fromOptions)).toEqual({ ok: false, error });
    expect(await storedSettings()).toEqual(before);
  });

  it('saves the user’s address once and a shorter refresh, and says which keys are locked and why', async () => {
    const saved = (await data(
      send('saveSettings', { settings: { userEmail: 'c.lee@harrowvale.example', refreshMinutes: 15 } }, fromOptions),
    )) as PolicyView;
    expect(saved.policy).toMatchObject({ userEmail: 'c.lee@harrowvale.example', refreshMinutes: 15 });
    expect(saved.access).toMatchObject({ mode: 'invalid', watchlistUrl: 'managed', sites: 'floor', userEmail: 'once' });
    expect((await send('saveSettings', { settings: { userEmail: 'x@harrowvale.example' } }, fromOptions)).ok).toBe(
      false,
    );
  });
});

describe('the collector token', () => {
  it('is kept in the worker’s database, never in storage, and never sent to a page', async () => {
    const saved = await data(send('saveSettings', { settings: { collectorToken: 'hec-secret-1' } }, fromOptions));
    expect(JSON.stringify(saved)).not.toContain('hec-secret-1');
    expect(saved).toMatchObject({ collectorTokenSet: true });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('hec-secret-1');
    expect(await db.state.get('collectorToken')).toEqual({ key: 'collectorToken', value: 'hec-secret-1' });
    await start();
    expect((await service.current()).policy.collectorToken).toBe('hec-secret-1');
    expect(JSON.stringify(await service.view())).not.toContain('hec-secret-1');
  });

  it('is removed when the page sends an empty one', async () => {
    await data(send('saveSettings', { settings: { collectorToken: 'hec-secret-1' } }, fromOptions));
    const saved = await data(send('saveSettings', { settings: { collectorToken: '' } }, fromOptions));
    expect(saved).toMatchObject({ collectorTokenSet: false });
    expect(await db.state.get('collectorToken')).toBeUndefined();
  });

  it('is moved out of the settings an earlier version stored it in', async () => {
    await fakeBrowser.storage.local.set({ settings: { collectorToken: ' old-secret ', mode: 'audit' } });
    await start();
    expect((await service.current()).policy).toMatchObject({ collectorToken: 'old-secret', mode: 'audit' });
    expect(await storedSettings()).toEqual({ mode: 'audit' });
    expect(await db.state.get('collectorToken')).toEqual({ key: 'collectorToken', value: 'old-secret' });
  });

  it('a managed token never reaches a page either', async () => {
    await fakeBrowser.storage.managed.set({ collectorToken: 'firm-secret' });
    await start();
    expect((await service.current()).policy.collectorToken).toBe('firm-secret');
    expect(await service.view()).toMatchObject({ collectorTokenSet: true, access: { collectorToken: 'managed' } });
    expect(JSON.stringify(await service.view())).not.toContain('firm-secret');
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
    service = setupPolicy(router, { db });
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
