// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import { status } from '@/tests/helpers/connector-status';

beforeEach(() => history.replaceState(null, '', '#'));
afterEach(cleanup);

describe('the options page', () => {
  it('opens on the log and switches tabs by click and arrow keys', async () => {
    render(<App connector={createMemoryConnector({ status: status(), records: [] })} />);
    expect(await screen.findByRole('heading', { name: 'Override log' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Log', selected: true })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Watchlist' }));
    expect(await screen.findByRole('heading', { name: 'Active watchlist' })).toBeTruthy();
    expect(screen.getByRole('tabpanel', { name: 'Watchlist' })).toBeTruthy();
    expect(location.hash).toBe('#watchlist');

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Watchlist' }), { key: 'ArrowRight' });
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Settings', selected: true }));
  });

  it('shows the active watchlist: source, version, entries, last update and last error', async () => {
    history.replaceState(null, '', '#watchlist');
    render(
      <App connector={createMemoryConnector({ status: status({}, 'Not a watchlist: no client_number column.') })} />,
    );
    const terms = (await screen.findAllByRole('term')).map((t) => t.textContent);
    const values = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(terms).toEqual(['Source', 'Version', 'Entries', 'Last updated', 'Last error']);
    expect(values[0]).toBe('https://dms.harrowvale.example/watchlist.csv');
    expect(values[1]).toBe('2025-03-01');
    expect(values[2]).toBe('104,312 entries');
    expect(values[3]).not.toBe('Never');
    expect(values[4]).toBe('Not a watchlist: no client_number column.');
  });
});
