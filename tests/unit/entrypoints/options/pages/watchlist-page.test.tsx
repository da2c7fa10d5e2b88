// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WatchlistPage } from '@/entrypoints/options/pages/watchlist-page';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import type { MemoryWatchlistInit } from '@/lib/connectors/connector-watchlist-memory';
import type { WatchlistStatus } from '@/lib/protocol/protocol';
import { checkPersonalFields, EMPTY_FIELDS } from '@/lib/watchlist/personal';
import { INCOMPLETE_MESSAGE } from '@/lib/watchlist/plausibility';
import { status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

const CUT_DETAIL = "Line 316, the last row, has 3 of the header's 8 fields and has no line break after it.";
const HELD = {
  url: 'https://dms.harrowvale.example/watchlist.csv',
  version: 'v2',
  entryCount: 315,
  lastGoodCount: 524,
  shrinkPercent: 39.9,
  maxShrinkPercent: 20,
  message:
    'The new firm watchlist is much shorter than the one in use (315 entries instead of 524 entries), so it was held back.',
  detail: 'Version v2 has 315 entries, 39.9% fewer than the 524 entries of version v1 in force.',
  since: '2025-03-04T09:00:00.000Z',
};

/** The status list as a reader sees it: term → value. */
async function details(): Promise<Record<string, string>> {
  await screen.findByText('Source');
  const terms = screen.getAllByRole('term').map((t) => t.textContent ?? '');
  const values = screen.getAllByRole('definition').map((d) => d.textContent ?? '');
  return Object.fromEntries(terms.map((t, i) => [t, values[i] ?? '']));
}

const URL_CSV = 'https://dms.harrowvale.example/watchlist.csv';

function page(watchlist: Partial<WatchlistStatus> = {}, init: MemoryWatchlistInit = {}) {
  const s = status();
  s.watchlist = { ...s.watchlist, url: URL_CSV, ...watchlist };
  const connector = createMemoryConnector({ status: s, watchlist: init });
  render(<WatchlistPage connector={connector} />);
  return connector;
}

describe('the watchlist page', () => {
  it('lists the rows the firm list could not read, by line', async () => {
    page({ issues: [{ line: 4, message: 'client_number is empty (Nameless Ltd); not loaded.' }] });
    fireEvent.click(await screen.findByText('1 problem in the list (the other rows loaded)'));
    expect(screen.getByText('Line 4: client_number is empty (Nameless Ltd); not loaded.')).toBeTruthy();
  });

  it('says when the URL has not loaded yet and the list in force is another', async () => {
    page({
      source: 'demo',
      sourceLabel: 'Embedded demo watchlist',
      lastError: 'There is no watchlist at this address (HTTP 404).',
    });
    expect(
      await screen.findByText(
        `The watchlist URL is ${URL_CSV}; it has not loaded yet, so the list above stays in force.`,
      ),
    ).toBeTruthy();
  });

  it('updates now on request and shows the outcome', async () => {
    const connector = page({}, { syncError: 'The server had a problem (HTTP 503).' });
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));
    expect(await screen.findByText('The server had a problem (HTTP 503).')).toBeTruthy();
    expect(connector.watchlist.syncs).toBe(1);
  });

  it('offers to allow access to the URL’s host when reading it failed without it', async () => {
    const connector = page(
      { lastError: 'Could not reach dms.harrowvale.example (Failed to fetch)' },
      { hostAccess: false },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Allow Matterguard to read dms.harrowvale.example' }));
    await screen.findByRole('button', { name: 'Update now' });
    expect(connector.watchlist.accessRequests).toEqual([URL_CSV]);
    expect(connector.watchlist.syncs).toBe(1);
  });

  it('says why a cut-off list was not used, in plain words, with the technical detail beside it', async () => {
    page({ lastError: INCOMPLETE_MESSAGE, errorDetail: CUT_DETAIL });
    expect(await details()).toMatchObject({ 'Last error': INCOMPLETE_MESSAGE, Details: CUT_DETAIL });
  });

  it('shows a list held back as too short, what it broke and since when, once', async () => {
    page({ lastError: HELD.message, errorDetail: HELD.detail, held: HELD });
    const shown = await details();
    expect(shown).toMatchObject({ 'Last error': HELD.message });
    expect(shown['Held back']).toMatch(/^Version v2 has 315 entries, 39\.9% fewer .* Held back since .+\.$/);
    expect(shown.Details).toBeUndefined();
  });

  it('offers no update without a URL', async () => {
    page({ url: '' });
    await screen.findByText('Source');
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
  });

  it('searches firm and personal entries together, naming the source of each', async () => {
    const firm = {
      ...checkPersonalFields({ ...EMPTY_FIELDS, clientName: 'Acme Holdings Ltd', clientNumber: 'C-004512' }).entry!,
      source: 'firm' as const,
    };
    const mine = { id: 'a', entry: checkPersonalFields({ ...EMPTY_FIELDS, clientName: 'Acme Skunkworks' }).entry! };
    page({}, { firmEntries: [firm], personal: [mine] });
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Search the watchlist' }), {
      target: { value: 'acme' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('2 entries match “acme”.')).toBeTruthy();
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      ['Acme Holdings Ltd', 'Firm'],
      ['Acme Skunkworks', 'Yours'],
    ]);
  });
});
