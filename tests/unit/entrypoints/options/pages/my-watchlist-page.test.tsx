// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { MyWatchlistPage } from '@/entrypoints/options/pages/my-watchlist-page';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import type { MemoryWatchlistInit } from '@/lib/connectors/connector-watchlist-memory';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { checkPersonalFields, EMPTY_FIELDS, type PersonalItem } from '@/lib/watchlist/personal';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import { status } from '@/tests/helpers/connector-status';

beforeEach(() => history.replaceState(null, '', '#'));
afterEach(cleanup);

const item = (id: string, clientName: string, more: Partial<typeof EMPTY_FIELDS> = {}): PersonalItem => ({
  id,
  entry: checkPersonalFields({ ...EMPTY_FIELDS, clientName, ...more }).entry!,
});
const firmAcme: WatchlistEntry = { ...item('f', 'Acme Holdings Ltd').entry, clientNumber: 'C-004512', source: 'firm' };

function page(watchlist: MemoryWatchlistInit = {}) {
  const connector = createMemoryConnector({ status: status(), watchlist });
  render(<MyWatchlistPage connector={connector} />);
  return connector;
}
const field = (name: string | RegExp) => screen.getAllByRole('textbox', { name })[0] as HTMLInputElement;
const rows = () =>
  screen
    .queryAllByRole('row')
    .slice(1)
    .map((r) => within(r).queryByRole('rowheader')?.textContent);

describe('My watchlist', () => {
  it('adds an entry and clears the form', async () => {
    const connector = page();
    await screen.findByText('No entries yet.');
    fireEvent.input(field('Name or term'), { target: { value: 'Project Kingfisher' } });
    fireEvent.input(field('Allowed domains'), { target: { value: 'Kingfisher.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to my watchlist' }));
    expect(await screen.findByRole('rowheader', { name: 'Project Kingfisher' })).toBeTruthy();
    expect(connector.watchlist.personal.map((p) => p.entry.allowedDomains)).toEqual([['kingfisher.example']]);
    expect(field('Name or term').value).toBe('');
  });

  it('shows what is wrong on the field, and adds nothing', async () => {
    const connector = page();
    await screen.findByText('No entries yet.');
    fireEvent.input(field('Name or term'), { target: { value: 'Beta Deal' } });
    fireEvent.input(field('Walled-off addresses'), { target: { value: 'jdoe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to my watchlist' }));
    const walled = field('Walled-off addresses');
    expect(walled.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Walled-off addresses', description: /"jdoe" is not valid/ })).toBe(
      walled,
    );
    expect(connector.watchlist.personal).toEqual([]);
  });

  it('edits a row in place, with validation on that row, and deletes', async () => {
    const connector = page({ personal: [item('a', 'Project Heron'), item('b', 'Project Wren')] });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Project Heron' }));
    const forms = document.querySelectorAll('form.entry-form');
    expect(forms).toHaveLength(2);
    const rowForm = forms[1] as HTMLElement;
    fireEvent.input(within(rowForm).getByRole('textbox', { name: 'Name or term' }), { target: { value: 'x' } });
    fireEvent.click(within(rowForm).getByRole('button', { name: 'Save changes' }));
    expect(within(rowForm).getByText('Name or term needs at least 2 letters or digits.')).toBeTruthy();
    fireEvent.input(within(rowForm).getByRole('textbox', { name: 'Name or term' }), {
      target: { value: 'Project Kestrel' },
    });
    fireEvent.click(within(rowForm).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('rowheader', { name: 'Project Kestrel' })).toBeTruthy();
    expect(document.querySelectorAll('form.entry-form')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Delete Project Wren' }));
    await screen.findByRole('button', { name: 'Delete Project Kestrel' });
    expect(rows()).toEqual(['Project Kestrel']);
    expect(connector.watchlist.personal.map((p) => p.id)).toEqual(['a']);
  });

  it('searches the entries as you type', async () => {
    page({
      personal: [
        item('a', 'Project Heron'),
        item('b', 'Wren Holdings', { clientNumber: 'C-77' }),
        item('c', 'Osprey', { aliases: 'Fish Hawk' }),
      ],
    });
    await screen.findByRole('rowheader', { name: 'Project Heron' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your entries' }), { target: { value: 'c-77' } });
    expect(rows()).toEqual(['Wren Holdings']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your entries' }), { target: { value: 'HAWK' } });
    expect(rows()).toEqual(['Osprey']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your entries' }), { target: { value: 'zzz' } });
    expect(screen.getByText('Nothing matches “zzz”.')).toBeTruthy();
  });

  it('shows an entry the firm list has too once, as the firm’s', async () => {
    page({ personal: [item('a', 'Acme Holdings Ltd'), item('b', 'Project Heron')], firmEntries: [firmAcme] });
    const acme = (await screen.findByRole('rowheader', { name: 'Acme Holdings Ltd' })).closest('tr')!;
    expect(
      within(acme).getByText(/On the firm list too \(Acme Holdings Ltd \(C-004512\)\): the firm’s entry applies/),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('rowheader', { name: 'Project Heron' }).closest('tr')!).getByText('Yours'),
    ).toBeTruthy();
  });

  it('imports a file and reports its bad rows by line', async () => {
    page({ personal: [item('a', 'Project Heron')] });
    await screen.findByRole('rowheader', { name: 'Project Heron' });
    const file = new File(
      ['client_name,allowed_domains\nProject Heron,\nOsprey Capital,osprey.example\n,,\nWren,bad domain!\n'],
      'mine.csv',
      { type: 'text/csv' },
    );
    fireEvent.change(screen.getByLabelText('Import a CSV or JSON file'), { target: { files: [file] } });
    expect(await screen.findByText('2 entries added; 1 was already on your list.')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Problems in the file' })).getByText(
        /^Line 5: allowed_domains: not a domain/,
      ),
    ).toBeTruthy();
    expect(rows()).toEqual(['Project Heron', 'Osprey Capital', 'Wren']);
  });

  it('says how much sync room is left, and when the list is too large to sync', async () => {
    page({ personal: [item('a', 'Project Heron')] });
    expect(
      (await screen.findByText(/KB of 100\.0 KB used — room for about [\d,]+ more entries like these\./)).textContent,
    ).toMatch(/^0\.\d KB/);
    cleanup();
    page({
      personal: Array.from({ length: 800 }, (_, i) =>
        item(`p${i}`, `Osprey Capital ${'Client Alias '.repeat(10)}${i}`),
      ),
    });
    expect(await screen.findByText('too large to sync')).toBeTruthy();
  });

  it('says the firm turned personal watchlists off', async () => {
    page({ personalEnabled: false, personal: [item('a', 'Project Heron')] });
    expect(await screen.findByText('Your firm has turned off personal watchlists.')).toBeTruthy();
    expect(screen.queryByRole('rowheader')).toBeNull();
  });
});

describe('the options page tab', () => {
  it('offers "My watchlist", and hides it when policy turns personal lists off', async () => {
    render(<App connector={createMemoryConnector({ status: status(), records: [] })} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'My watchlist' }));
    expect(await screen.findByRole('heading', { name: 'My watchlist' })).toBeTruthy();
    cleanup();

    const off = status();
    off.policy.policy = { ...DEFAULT_POLICY, allowPersonalWatchlist: false };
    history.replaceState(null, '', '#personal');
    render(<App connector={createMemoryConnector({ status: off, records: [] })} />);
    expect(await screen.findByRole('heading', { name: 'Override log' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'My watchlist' })).toBeNull();
  });
});
