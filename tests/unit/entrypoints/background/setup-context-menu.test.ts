import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADD_TERM_MENU, ADD_TERM_TITLE } from '@/entrypoints/background/setup-context-menu';
import type { PersonalView } from '@/lib/protocol/protocol-watchlist';
import { createServer, data, freshDb, send, startWorker, type Worker } from '@/tests/helpers/background-watchlist';

let worker: Worker;
const names = async () => (await data<PersonalView>(send('listPersonal', {}))).items.map((i) => i.entry.clientName);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  worker = await startWorker({
    server: createServer(),
    db: freshDb(),
    clock: { now: Date.parse('2025-03-04T08:00:00Z') },
  });
});

describe('"Add to my Matterguard watchlist" on selected text', () => {
  it('is offered on a selection and adds the selected text', async () => {
    await vi.waitFor(() =>
      expect(worker.menus.items.get(ADD_TERM_MENU)).toMatchObject({
        title: ADD_TERM_TITLE,
        contexts: ['selection'],
        visible: true,
      }),
    );
    worker.menus.click({ menuItemId: ADD_TERM_MENU, selectionText: 'Project  Osprey' }, { id: 12 });
    await vi.waitFor(async () => expect(await names()).toEqual(['Project Osprey']));
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toBe(
        'Matterguard — added “Project Osprey” to your watchlist',
      ),
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('+');
  });

  it('says on the toolbar why a selection was not added', async () => {
    worker.menus.click({ menuItemId: ADD_TERM_MENU, selectionText: 'x'.repeat(300) }, { id: 12 });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toMatch(
        /^Matterguard — not added: .*longer than 200 characters/,
      ),
    );
    expect(await names()).toEqual([]);
  });

  it('is hidden while policy turns personal watchlists off', async () => {
    await vi.waitFor(() => expect(worker.menus.items.get(ADD_TERM_MENU)?.visible).toBe(true));
    await fakeBrowser.storage.local.set({ settings: { allowPersonalWatchlist: false } });
    await worker.policy.current();
    await vi.waitFor(() => expect(worker.menus.items.get(ADD_TERM_MENU)?.visible).toBe(false));
  });
});
