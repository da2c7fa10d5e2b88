import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupPolicy, type PolicyService } from '@/entrypoints/background/setup-policy';
import { setupWatchlist, type WatchlistDeps, type WatchlistService } from '@/entrypoints/background/setup-watchlist';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply, WatchlistStatus } from '@/lib/protocol/protocol';
import { WatchlistStoreDb } from '@/lib/db/watchlist-store';
import type { WatchlistEntry } from '@/lib/watchlist/types';

export const URL_CSV = 'https://dms.harrowvale.example/exports/watchlist.csv';
export const HEADER = 'client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity';
export const LIST_V1 = `${HEADER}\nC-1,Kestrel Mining plc,K-0001,Flotation,Project Osprey,kestrel.example,,warn\nC-2,Lumen Bank AG,L-0001,,,lumen.example,,block\n`;
export const LIST_V2 = `${LIST_V1}C-3,Harbour Freight Ltd,H-0001,,,harbour.example,,warn\n`;

export const fromOptions = {
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/options.html`,
};
export const fromGmail = {
  id: fakeBrowser.runtime.id,
  tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' },
  url: 'https://mail.google.com/mail/u/0/',
  frameId: 0,
};

/** What the fake server answers: a body (with an ETag), or a whole Response, or a network failure. */
export type Answer = { body: string; type?: string; etag?: string } | Response | Error;

/** A firm web server in memory: answers by the current `answer`, honours If-None-Match, records requests. */
export function createServer() {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  let answer: Answer = { body: LIST_V1, etag: '"v1"' };
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(
      Object.entries((init?.headers as Record<string, string> | undefined) ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    requests.push({ url: input instanceof Request ? input.url : input.toString(), headers });
    if (answer instanceof Error) return Promise.reject(answer);
    if (answer instanceof Response) return Promise.resolve(answer);
    if (answer.etag && headers['if-none-match'] === answer.etag)
      return Promise.resolve(new Response(null, { status: 304 }));
    const responseHeaders: Record<string, string> = { 'content-type': answer.type ?? 'text/csv' };
    if (answer.etag) responseHeaders.etag = answer.etag;
    return Promise.resolve(new Response(answer.body, { status: 200, headers: responseHeaders }));
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    requests,
    answer(next: Answer) {
      answer = next;
    },
  };
}
export type FakeServer = ReturnType<typeof createServer>;

export async function send(type: string, payload: unknown, sender: object = fromOptions): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  return reply as unknown as Reply<unknown>;
}

export async function data<T>(reply: Promise<Reply<unknown>>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(settled.error);
  return settled.data as T;
}

type MenuClick = (info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number }) => void;

/** fakeBrowser has no contextMenus; this keeps the items and lets a test click one. */
export function installContextMenus() {
  const items = new Map<string | number, { title?: string; contexts?: unknown[]; visible?: boolean }>();
  const clicks: MenuClick[] = [];
  const menus = fakeBrowser.contextMenus;
  vi.spyOn(menus, 'removeAll').mockImplementation(() => {
    items.clear();
    return Promise.resolve();
  });
  vi.spyOn(menus, 'create').mockImplementation((props) => {
    items.set(props.id!, { title: props.title, contexts: props.contexts, visible: props.visible });
    return props.id!;
  });
  vi.spyOn(menus, 'update').mockImplementation((id, props) => {
    items.set(id, { ...items.get(id), ...(props as object) });
    return Promise.resolve();
  });
  vi.spyOn(menus.onClicked, 'addListener').mockImplementation((cb) => {
    clicks.push(cb as unknown as MenuClick);
  });
  return {
    items,
    click: (info: Parameters<MenuClick>[0], tab?: Parameters<MenuClick>[1]) => clicks.forEach((cb) => cb(info, tab)),
  };
}

export interface Worker {
  policy: PolicyService;
  watchlist: WatchlistService;
  menus: ReturnType<typeof installContextMenus>;
}

export interface WorkerOptions {
  server: FakeServer;
  db: WatchlistStoreDb;
  clock: { now: number };
  maxBytes?: number;
  report?: WatchlistDeps['report'];
}

/** A worker (re)starting: listeners registered afresh, memory empty, storage and IndexedDB as they were. */
export async function startWorker({ server, db, clock, maxBytes, report }: WorkerOptions): Promise<Worker> {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.runtime.onStartup.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  const menus = installContextMenus();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Matterguard',
    version: '0.3.1',
  });
  const router = createMessageRouter();
  const policy = setupPolicy(router);
  const watchlist = setupWatchlist(router, policy, {
    fetch: server.fetch,
    db,
    now: () => clock.now,
    random: () => 0.5,
    maxBytes,
    report,
  });
  router.listen();
  await policy.current();
  return { policy, watchlist, menus };
}

let dbCount = 0;
/** A list store of its own for each test (fake-indexeddb keeps databases across tests). */
export const freshDb = () => new WatchlistStoreDb(`test-watchlist-${++dbCount}`);

/** Joins the attempt under way (or starts one) and answers once it is over: the "Update now" button. */
export const updateNow = () => data<WatchlistStatus>(send('syncWatchlist', {}));

/** Every entry in force, read through `batches()` as the compile reads them. */
export async function entriesInForce(watchlist: WatchlistService): Promise<WatchlistEntry[]> {
  const out: WatchlistEntry[] = [];
  for await (const batch of (await watchlist.active()).batches()) out.push(...batch);
  return out;
}
