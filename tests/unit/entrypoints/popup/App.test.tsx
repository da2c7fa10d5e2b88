// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import type { TabState } from '@/lib/protocol/protocol';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import { status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

const warned: TabState = {
  site: 'gmail',
  level: 'warn',
  matchCount: 2,
  summary: ['Acme Holdings Ltd — matter 12345-0001', 'Beta Industries GmbH'],
};

function popup(state: TabState | null, lastError: string | null = null) {
  const connector = createMemoryConnector({
    status: status({}, lastError),
    activeTabId: 4,
    tabStates: state ? { 4: state } : {},
  });
  render(<App connector={connector} />);
  return connector;
}

describe('the popup', () => {
  it('tells how serious this tab is and which clients matched', async () => {
    popup(warned);
    expect(await screen.findByText('Warning')).toBeTruthy();
    expect(screen.getByText('Gmail')).toBeTruthy();
    expect(screen.getByText(/2 matches/)).toBeTruthy();
    const clients = screen.getByRole('list', { name: 'Matched clients' });
    expect([...clients.querySelectorAll('li')].map((li) => li.textContent)).toEqual(warned.summary);
  });

  it('says when the page mentions nothing watched', async () => {
    popup({ site: 'gmail', level: null, matchCount: 0, summary: [] });
    expect(await screen.findByText(/Nothing watched on this page/)).toBeTruthy();
    expect(screen.queryByText('Warning')).toBeNull();
  });

  it('says when Matterguard does not guard the site', async () => {
    popup(null);
    expect(await screen.findByText('Matterguard does not guard this site.')).toBeTruthy();
  });

  it('names the active watchlist, and its last failure', async () => {
    popup(null, 'The watchlist URL answered 503.');
    expect(
      await screen.findByText('https://dms.harrowvale.example/watchlist.csv · version 2025-03-01 · 104,312 entries'),
    ).toBeTruthy();
    expect(screen.getByText('Last update failed: The watchlist URL answered 503.')).toBeTruthy();
  });

  it('says in plain words that a newer list was held back, and not again as a failure', async () => {
    const message =
      'The new firm watchlist is much shorter than the one in use (315 entries instead of 524 entries), so it was held back and the list in use stays. Please tell your IT team.';
    const s = status({}, message);
    s.watchlist.errorDetail = 'Version v2 has 315 entries, 39.9% fewer than…';
    s.watchlist.held = {
      url: s.watchlist.sourceLabel,
      version: 'v2',
      entryCount: 315,
      lastGoodCount: 524,
      shrinkPercent: 39.9,
      maxShrinkPercent: 20,
      message,
      detail: s.watchlist.errorDetail,
      since: '2025-03-04T09:00:00.000Z',
    };
    render(<App connector={createMemoryConnector({ status: s, activeTabId: 4, tabStates: {} })} />);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByText(/^Last update failed/)).toBeNull();
    // The technical detail is for the options page.
    expect(screen.queryByText(/39\.9%/)).toBeNull();
  });

  it('opens the override log', async () => {
    const connector = popup(warned);
    fireEvent.click(await screen.findByRole('button', { name: 'Open override log' }));
    expect(connector.optionsOpened).toBe(1);
  });
});

it('warns in the popup when a decision could not be written to the log', async () => {
  const connector = createMemoryConnector({
    status: status({}, null),
    activeTabId: 4,
    tabStates: { 4: warned },
    health: {
      storage: null,
      writeError: { at: '2026-11-23T10:00:00.000Z', message: 'The log could not be written: the disk is full.' },
      collector: null,
    },
  });
  render(<App connector={connector} />);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('the disk is full');
});
