import type { Page, Worker } from 'playwright-core';
import type { FirmSyncState } from '../../../lib/watchlist/firm-sync';
import { waitUntil, type Harness, type RouteRequest, type RouteResponse } from '../harness/index';

/*
 * The firm's list server and the extension's view of the list, for the firm-list e2e files:
 * a local HTTPS server at a firm hostname, the stored sync state, the options page's status.
 */

export const HOST = 'harrowvale.example';
export const LIST_PATH = '/exports/watchlist.csv';
export const LIST_URL = `https://${HOST}${LIST_PATH}`;
export const SYNC_ALARM = 'matterguard-watchlist-sync';
export const HEADER = 'client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity';

/** The firm's web server: the list with an ETag, 304 for a matching If-None-Match, CORS for the extension. */
export function createListServer(harness: Harness, first: string) {
  let answer: { body: string; etag: string; type: string } = {
    body: first,
    etag: '"v1"',
    type: 'text/csv; charset=utf-8',
  };
  const handler = (request: RouteRequest): RouteResponse => {
    // Without a host permission for the firm's server the worker's fetch is a CORS request.
    const origin = request.headers.origin;
    const cors: Record<string, string> = origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          'access-control-expose-headers': 'ETag, Last-Modified',
          vary: 'Origin',
        }
      : {};
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...cors,
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
        },
      };
    }
    if (request.headers['if-none-match'] === answer.etag)
      return { status: 304, headers: { ...cors, etag: answer.etag } };
    return { status: 200, headers: { ...cors, 'content-type': answer.type, etag: answer.etag }, body: answer.body };
  };
  const unroute = harness.server.route(HOST, LIST_PATH, handler);
  return {
    serve(next: Partial<typeof answer>) {
      answer = { ...answer, ...next };
    },
    /** GET requests for the list so far, with their status. */
    gets: () =>
      harness.server.requests.filter((r) => r.host === HOST && r.method === 'GET' && r.url.startsWith(LIST_PATH)),
    unroute,
  };
}

export async function syncState(worker: Worker): Promise<FirmSyncState> {
  return worker.evaluate(async () => {
    const { firmWatchlist } = await (
      globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get('firmWatchlist');
    return firmWatchlist as FirmSyncState;
  });
}

export async function waitForSync(
  worker: Worker,
  what: string,
  ok: (state: FirmSyncState) => boolean,
): Promise<FirmSyncState> {
  return waitUntil(
    async () => {
      const state = await syncState(worker);
      return state && ok(state) ? state : undefined;
    },
    what,
    async () => `The stored sync state is ${JSON.stringify(await syncState(worker))}`,
    { timeoutMs: 20_000 },
  );
}

/** The next scheduled refresh, now: the alarm the worker set, fired early. */
export async function fireRefresh(worker: Worker): Promise<void> {
  await worker.evaluate(async (name) => {
    const { chrome } = globalThis as unknown as {
      chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } };
    };
    await chrome.alarms.create(name, { when: Date.now() + 50 });
  }, SYNC_ALARM);
}

export async function badge(worker: Worker): Promise<string> {
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

export async function openOptions(harness: Harness, tab: string): Promise<Page> {
  return harness.open(`chrome-extension://${harness.extensionId}/options.html#${tab}`);
}

/** The options page's watchlist status, as a user reads it. */
export async function watchlistDetails(harness: Harness): Promise<Record<string, string>> {
  const page = await openOptions(harness, 'watchlist');
  try {
    await page.getByRole('heading', { name: 'Active watchlist' }).waitFor();
    await page.locator('dl.details dd').first().waitFor();
    const terms = await page.locator('dl.details dt').allTextContents();
    const values = await page.locator('dl.details dd').allTextContents();
    return Object.fromEntries(terms.map((t, i) => [t, values[i] ?? '']));
  } finally {
    await page.close();
  }
}
