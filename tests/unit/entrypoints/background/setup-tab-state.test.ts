import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupTabState, tabStateKey } from '@/entrypoints/background/setup-tab-state';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply, TabState } from '@/lib/protocol/protocol';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const fromOptions = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
let tabId: number;

async function send(type: string, payload: unknown, sender: object): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  return reply as unknown as Reply<unknown>;
}
const fromTab = (id: number, url = GMAIL) => ({ id: fakeBrowser.runtime.id, tab: { id, url }, url, frameId: 0 });
/** A navigation as Chrome reports it: the new URL, then an onUpdated with status 'loading'. */
async function navigate(id: number, url: string): Promise<void> {
  const tab = await fakeBrowser.tabs.update(id, { url });
  await fakeBrowser.tabs.onUpdated.trigger(id, { status: 'loading' }, tab);
}
const report = (level: TabState['level'], id = tabId) =>
  send(
    'reportTabState',
    {
      site: 'gmail',
      level,
      matchCount: level ? 2 : 0,
      summary: level ? ['Acme Holdings Ltd — matter 12345-0001'] : [],
    },
    fromTab(id),
  );
async function tabState(id = tabId): Promise<unknown> {
  const reply = await send('getTabState', { tabId: id }, fromOptions);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

beforeEach(async () => {
  fakeBrowser.reset();
  tabId = (await fakeBrowser.tabs.create({ url: GMAIL })).id!;
  const router = createMessageRouter();
  setupTabState(router);
  router.listen();
});

describe('tab state', () => {
  it('gives the popup what the tab reported, and null for a tab that never reported', async () => {
    await report('warn');
    expect(await tabState()).toEqual({
      site: 'gmail',
      level: 'warn',
      matchCount: 2,
      summary: ['Acme Holdings Ltd — matter 12345-0001'],
    });
    const other = (await fakeBrowser.tabs.create({ url: 'https://example.com/' })).id!;
    expect(await tabState(other)).toBeNull();
  });

  it('survives a restarted worker (kept in session storage)', async () => {
    await report('critical');
    fakeBrowser.runtime.onMessage.removeAllListeners();
    const router = createMessageRouter();
    setupTabState(router);
    router.listen();
    expect(await tabState()).toMatchObject({ level: 'critical' });
  });

  it.each<[TabState['level'], string, number[]]>([
    ['critical', '!!', [220, 38, 38, 255]],
    ['warn', '!', [217, 119, 6, 255]],
    ['notice', '', [107, 114, 128, 255]],
    [null, '', [107, 114, 128, 255]],
  ])('badges the tab for level %s with %j', async (level, text, color) => {
    await report(level);
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe(text);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId })).toEqual(color);
  });

  it('badges only the tab that reported', async () => {
    const other = (await fakeBrowser.tabs.create({ url: GMAIL })).id!;
    await report('critical');
    expect(await fakeBrowser.action.getBadgeText({ tabId: other })).toBe('');
  });

  it('forgets a tab when it closes', async () => {
    await report('warn');
    // The fake's tabs.remove looks the window up by tab id; fire the event as Chrome would.
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 0, isWindowClosing: false });
    expect(await fakeBrowser.storage.session.get(tabStateKey(tabId))).toEqual({});
  });

  it('forgets a tab that navigated to a site it does not guard, and clears its badge', async () => {
    await report('critical');
    await navigate(tabId, 'https://example.com/');
    expect(await tabState()).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
  });

  it('keeps the state while the tab moves within the site', async () => {
    await report('warn');
    await navigate(tabId, 'https://mail.google.com/mail/u/0/#sent');
    expect(await tabState()).toMatchObject({ level: 'warn' });
  });

  it('accepts reports only from content scripts in a tab', async () => {
    const reply = await send(
      'reportTabState',
      { site: 'gmail', level: 'warn', matchCount: 1, summary: [] },
      fromOptions,
    );
    expect(reply.ok).toBe(false);
  });
});
