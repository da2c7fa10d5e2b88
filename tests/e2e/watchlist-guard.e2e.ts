import { describe, expect, it } from 'vitest';
import type { Policy } from '../../lib/policy/types';
import { INCOMPLETE_MESSAGE } from '../../lib/watchlist/plausibility';
import type { WatchlistEvent } from '../../lib/watchlist/report';
import { expectWarningToOutsider } from './gmail/steps';
import { setSettings, waitUntil, type Harness, type RouteRequest } from './harness/index';
import { BASE_SETTINGS, e2eSuite } from './harness/suite';
import {
  badge,
  createListServer,
  fireRefresh,
  HEADER,
  LIST_URL,
  openOptions,
  waitForSync,
  watchlistDetails,
} from './watchlist/firm-list';

/*
 * Issue 10 item 8 end to end: a firm list is applied only when it is whole and plausible. A
 * complete HTTP response whose CSV is cut mid-row, and a list that lost a third of its rows,
 * are both refused; the last good list keeps guarding; the reason shows in the options page,
 * the popup and the toolbar, and the firm's collector hears of it.
 */

const COLLECTOR_HOST = 'siem.harrowvale.example';
const COLLECTOR_PATH = '/services/collector/event';

const row = (n: number) => `C-${9100 + n},Client ${n} Holdings Ltd,M-${9100 + n},,,client${n}.example,,warn`;
const ROWS = Array.from({ length: 30 }, (_, i) => row(i + 1));
const FULL = `${HEADER}\n${ROWS.join('\n')}\n`;
/** The same export, cut in the middle of row 21 (line 22): what a server caught mid-write sends. */
const CUT = FULL.slice(0, FULL.indexOf('Client 21 Holdings') + 'Client 21 Ho'.length);
/** A whole file that lost a third of the rows. */
const SHORT = `${HEADER}\n${ROWS.slice(0, 20).join('\n')}\n`;

const SETTINGS: Partial<Policy> = {
  ...BASE_SETTINGS,
  watchlistUrl: LIST_URL,
  refreshMinutes: 60,
  collectorUrl: `https://${COLLECTOR_HOST}${COLLECTOR_PATH}`,
  collectorToken: 'e2e-hec-token',
};

/** A Splunk-like collector that keeps the watchlist events it gets (answering CORS, as log.e2e.ts's does). */
function startCollector(harness: Harness): { events: WatchlistEvent[]; sourcetypes: string[] } {
  const got = { events: [] as WatchlistEvent[], sourcetypes: [] as string[] };
  harness.server.route(COLLECTOR_HOST, COLLECTOR_PATH, (request: RouteRequest) => {
    const cors = { 'access-control-allow-origin': request.headers.origin ?? '*' };
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'authorization, content-type',
        },
      };
    }
    for (const line of request.body.toString('utf8').split('\n').filter(Boolean)) {
      const hec = JSON.parse(line) as { sourcetype: string; event: WatchlistEvent };
      got.sourcetypes.push(hec.sourcetype);
      if (hec.sourcetype === 'matterguard:watchlist') got.events.push(hec.event);
    }
    return { status: 200, headers: { ...cors, 'content-type': 'application/json' }, body: '{"code":0}' };
  });
  return got;
}

/** The popup's watchlist section, as a user reads it. */
async function popupText(harness: Harness, text: RegExp | string): Promise<number> {
  const popup = await harness.open(`chrome-extension://${harness.extensionId}/popup.html`);
  try {
    await popup.getByRole('heading', { name: 'Watchlist', exact: true }).waitFor();
    await expect.poll(() => popup.getByText(text).count()).toBe(1);
    return await popup.getByText(/^Last update failed/).count();
  } finally {
    await popup.close();
  }
}

describe('a firm list that is not whole or plausible', () => {
  let server: ReturnType<typeof createListServer>;
  let collector: ReturnType<typeof startCollector>;
  const harness = e2eSuite({
    setup: async (h) => {
      server = createListServer(h, FULL);
      collector = startCollector(h);
      await setSettings(h.worker, SETTINGS);
      await waitForSync(h.worker, 'the first list to load', (s) => s.active?.entryCount === 30);
    },
  });

  const eventOf = (type: WatchlistEvent['type']) =>
    waitUntil(
      () => Promise.resolve(collector.events.find((e) => e.type === type)),
      `a ${type} event at the collector`,
      () => JSON.stringify(collector.events),
      { timeoutMs: 15_000 },
    );

  it('refuses a complete response whose CSV is cut mid-row, keeping the last good list, and says why', async () => {
    server.serve({ body: CUT, etag: '"cut"' });
    await fireRefresh(harness.worker);
    const state = await waitForSync(harness.worker, 'the cut list to be refused', (s) => s.lastError !== null);
    expect(state.active).toMatchObject({ etag: '"v1"', entryCount: 30 });

    expect(await watchlistDetails(harness)).toMatchObject({
      Entries: '30 entries',
      'Last error': INCOMPLETE_MESSAGE,
      Details: expect.stringMatching(
        /^Line 22, the last row, has 2 of the header's 8 fields and has no line break after it; .* 21 entries were read up to there\./,
      ),
    });
    expect(await popupText(harness, `Last update failed: ${INCOMPLETE_MESSAGE}`)).toBe(1);
    expect(await badge(harness.worker)).toBe('ERR');
    expect(await eventOf('watchlist-incomplete')).toMatchObject({
      url: LIST_URL,
      user: BASE_SETTINGS.userEmail,
      inForce: { entryCount: 30 },
      detail: expect.stringMatching(/^Line 22, the last row/),
    });
  });

  it('holds back a whole list that lost a third of its rows; the last good list still guards', async () => {
    server.serve({ body: SHORT, etag: '"short"' });
    await fireRefresh(harness.worker);
    const state = await waitForSync(harness.worker, 'the short list to be held', (s) => s.held?.entryCount === 20);
    expect(state.active).toMatchObject({ etag: '"v1"', entryCount: 30 });
    const message = state.held!.message;
    expect(message).toMatch(/^The new firm watchlist is much shorter than the one in use \(20 entries instead of 30/);

    const details = await watchlistDetails(harness);
    expect(details).toMatchObject({ Entries: '30 entries', 'Last error': message });
    expect(details['Held back']).toMatch(
      /^Version \S+ has 20 entries, 33\.4% fewer than the 30 entries of version \S+ in force; policy maxShrinkPercent allows 20%\./,
    );
    // In plain words, once: a held list is not shown as a failed update too.
    expect(await popupText(harness, message)).toBe(0);
    expect(await badge(harness.worker)).toBe('ERR');
    const event = await eventOf('watchlist-held');
    expect(event).toMatchObject({ entryCount: 20, inForce: { entryCount: 30 }, maxShrinkPercent: 20 });
    expect(JSON.stringify(collector.events)).not.toMatch(/Client \d+ Holdings|C-91\d\d/);

    // Matter M-9128 is only on the last good list.
    await expectWarningToOutsider(harness, 'The draft for matter M-9128 is attached.', 'Client 28 Holdings Ltd');
  });

  it('applies the held list once the settings allow that much shrink', async () => {
    const settings = await openOptions(harness, 'settings');
    try {
      const limit = settings.getByRole('spinbutton', {
        name: 'Hold back a new list that lost more than this share of entries (%)',
      });
      await expect.poll(() => limit.inputValue()).toBe('20');
      await limit.fill('40');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await settings.getByText('Settings saved.').waitFor();
    } finally {
      await settings.close();
    }
    await waitForSync(harness.worker, 'the held list to be applied', (s) => s.active?.etag === '"short"');
    expect(await watchlistDetails(harness)).toMatchObject({ Entries: '20 entries', 'Last error': 'None' });
    expect(await badge(harness.worker)).toBe('');
  });
});
