// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import type { MemoryWatchlistInit } from '@/lib/connectors/connector-watchlist-memory';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

function popup(watchlist: MemoryWatchlistInit = {}, allow = true) {
  const s = status();
  s.policy.policy = { ...s.policy.policy, allowPersonalWatchlist: allow };
  const connector = createMemoryConnector({ status: s, activeTabId: 4, watchlist });
  render(<App connector={connector} />);
  return connector;
}
const term = () => screen.findByRole<HTMLInputElement>('textbox', { name: 'Add to my watchlist' });

describe('quick add in the popup', () => {
  it('has the page’s selected text ready, so adding it is one more click', async () => {
    const connector = popup({ selection: '  Project\n Falcon ' });
    await screen.findByDisplayValue('Project Falcon');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Added “Project Falcon” to your watchlist.')).toBeTruthy();
    expect(connector.watchlist.personal.map((p) => p.entry.clientName)).toEqual(['Project Falcon']);
    expect((await term()).value).toBe('');
  });

  it('adds a typed term, and says when it is already there', async () => {
    popup();
    fireEvent.input(await term(), { target: { value: '77120-0042' } });
    fireEvent.submit((await term()).form!);
    expect(await screen.findByText('Added “77120-0042” to your watchlist.')).toBeTruthy();
    fireEvent.input(await term(), { target: { value: '77120-0042' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('“77120-0042” is already on your watchlist.')).toBeTruthy();
  });

  it('says why a term cannot be added', async () => {
    popup();
    fireEvent.input(await term(), { target: { value: '&' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByText(/at least 2 letters or digits/)).className).toBe('error-text');
  });

  it('does not take a whole paragraph selected by mistake', async () => {
    popup({ selection: 'word '.repeat(100) });
    expect((await term()).value).toBe('');
  });

  it('is not offered when the firm turns personal watchlists off', async () => {
    popup({}, false);
    await screen.findByText(/version 2025-03-01/);
    expect(screen.queryByRole('textbox', { name: 'Add to my watchlist' })).toBeNull();
  });
});

describe('the watchlist line', () => {
  it('counts the user’s own entries apart', async () => {
    const s = status();
    s.watchlist = {
      ...s.watchlist,
      entryCount: 104_315,
      personalCount: 3,
      version: '2025-03-01+p.abcd1234',
      listVersion: '2025-03-01',
    };
    s.policy.policy = { ...DEFAULT_POLICY, ...s.policy.policy };
    render(<App connector={createMemoryConnector({ status: s, activeTabId: 4 })} />);
    expect(
      await screen.findByText(
        'https://dms.harrowvale.example/watchlist.csv · version 2025-03-01 · 104,315 entries (3 of them yours)',
      ),
    ).toBeTruthy();
  });
});

describe('the popup’s watchlist status', () => {
  it('says when the list was last updated, or that an update is under way', async () => {
    render(<App connector={createMemoryConnector({ status: status(), activeTabId: 4 })} />);
    expect((await screen.findByText(/^Last updated/)).querySelector('time')?.getAttribute('datetime')).toBe(
      '2025-03-04T08:00:00.000Z',
    );
    cleanup();
    const s = status();
    s.watchlist = { ...s.watchlist, syncing: true };
    render(<App connector={createMemoryConnector({ status: s, activeTabId: 4 })} />);
    expect(await screen.findByText('Updating the firm watchlist…')).toBeTruthy();
  });
});
