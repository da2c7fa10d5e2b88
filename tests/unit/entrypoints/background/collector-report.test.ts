import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCollector } from '@/entrypoints/background/collector';
import { MatterguardDb } from '@/lib/db/db';
import { hecWatchlistEvent, reportedUrl, type WatchlistEvent } from '@/lib/watchlist/report';

/* A firm list held back is told to the collector beside the log, without entering the log's outbox. */

const URL = 'https://siem.harrowvale.example/services/collector/event';
const event: WatchlistEvent = {
  type: 'watchlist-held',
  at: '2025-03-04T10:00:00.000Z',
  user: 'c.lee@harrowvale.example',
  extensionVersion: '0.3.1',
  url: 'https://dms.harrowvale.example/watchlist.csv',
  version: 'sha256-abc',
  entryCount: 315,
  inForce: { version: 'sha256-def', entryCount: 524 },
  shrinkPercent: 39.9,
  maxShrinkPercent: 20,
  detail: 'Version sha256-abc has 315 entries…',
};

let db: MatterguardDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new MatterguardDb(`collector-report-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

function collectorAnswering(status: number | 'down', url = URL) {
  const fetch = vi.fn((_url: string | URL | Request, _init?: RequestInit) =>
    status === 'down'
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve(new Response('', { status })),
  );
  const collector = createCollector({
    db,
    config: () => Promise.resolve(url ? { url, token: 'hec-token-1' } : null),
    fetch: fetch,
  });
  return { collector, fetch };
}

describe('collector.report', () => {
  it('POSTs one HEC event of its own sourcetype with the token, and queues nothing', async () => {
    const { collector, fetch } = collectorAnswering(200);
    expect(await collector.report(hecWatchlistEvent(event))).toBe(true);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(URL);
    expect(init?.headers).toMatchObject({ Authorization: 'Splunk hec-token-1' });
    expect(JSON.parse(init?.body as string)).toEqual({
      time: Date.parse(event.at) / 1000,
      host: 'c.lee@harrowvale.example',
      source: 'matterguard',
      sourcetype: 'matterguard:watchlist',
      event,
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it.each([
    ['the collector refuses it', 503],
    ['the collector cannot be reached', 'down' as const],
  ])('answers false when %s, so it is told again later', async (_name, status) => {
    expect(await collectorAnswering(status).collector.report(hecWatchlistEvent(event))).toBe(false);
  });

  it('answers false, sending nothing, when policy names no collector', async () => {
    const { collector, fetch } = collectorAnswering(200, '');
    expect(await collector.report(hecWatchlistEvent(event))).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the list address the collector is told', () => {
  it('leaves out the query and fragment, which may carry an access token', () => {
    expect(reportedUrl('https://files.harrowvale.example/exports/list.csv?sv=2024&sig=SECRET#x')).toBe(
      'https://files.harrowvale.example/exports/list.csv',
    );
  });
});
