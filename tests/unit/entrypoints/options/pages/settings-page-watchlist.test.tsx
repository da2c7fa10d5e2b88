// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsPage } from '@/entrypoints/options/pages/settings-page';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import { status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

function settings(managed: Record<string, unknown> = {}, grantsHostAccess = true) {
  const connector = createMemoryConnector({ status: status(managed), watchlist: { grantsHostAccess } });
  render(<SettingsPage connector={connector} />);
  return connector;
}
const url = () => screen.findByRole<HTMLInputElement>('textbox', { name: 'Firm watchlist URL' });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

const SHRINK_LABEL = 'Hold back a new list that lost more than this share of entries (%)';

describe('the watchlist settings', () => {
  it('saves how far a new firm list may shrink before it is held back', async () => {
    const connector = settings();
    await url();
    const shrink = screen.getByRole<HTMLInputElement>('spinbutton', { name: SHRINK_LABEL });
    expect(shrink.value).toBe('20');
    fireEvent.input(shrink, { target: { value: '35' } });
    save();
    await screen.findByText('Settings saved.');
    expect(connector.saved).toEqual([{ maxShrinkPercent: 35 }]);
  });

  it('shows the shrink limit locked when the firm sets it', async () => {
    settings({ maxShrinkPercent: 20 });
    await url();
    const shrink = screen.getByRole<HTMLInputElement>('spinbutton', { name: SHRINK_LABEL });
    expect(shrink.readOnly).toBe(true);
    expect(shrink.getAttribute('aria-describedby')).toContain('max-shrink-percent-locked');
  });

  it('saves a watchlist URL, asking for access to its host from the click', async () => {
    const connector = settings();
    fireEvent.input(await url(), { target: { value: 'https://dms.harrowvale.example/watchlist.csv' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Check for a new list every (minutes)' }), {
      target: { value: '15' },
    });
    save();
    await screen.findByText('Settings saved.');
    expect(connector.saved).toEqual([
      { watchlistUrl: 'https://dms.harrowvale.example/watchlist.csv', refreshMinutes: 15 },
    ]);
    expect(connector.watchlist.accessRequests).toEqual(['https://dms.harrowvale.example/watchlist.csv']);
  });

  it('says the list needs the server’s help when access is refused, and saves anyway', async () => {
    const connector = settings({}, false);
    fireEvent.input(await url(), { target: { value: 'https://dms.harrowvale.example/watchlist.csv' } });
    save();
    expect(
      await screen.findByText(/not allowed to read the watchlist URL; it loads only if that server allows it \(CORS\)/),
    ).toBeTruthy();
    expect(connector.saved).toHaveLength(1);
  });

  it.each([
    [
      'a plain http:// URL',
      'Firm watchlist URL',
      'http://dms.harrowvale.example/list.csv',
      /must be an https:\/\/ address/,
    ],
    ['a refresh outside 5–1440 minutes', 'Check for a new list every (minutes)', '2', /2 is outside 5–1440/],
    ['a shrink limit over 100%', SHRINK_LABEL, '150', /150 is outside 0–100/],
  ])('refuses %s on the field', async (_name, label, value, message) => {
    const connector = settings();
    await url();
    const input = screen.getByLabelText(label);
    fireEvent.input(input, { target: { value } });
    save();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(message)).toBeTruthy();
    expect(connector.saved).toEqual([]);
  });

  it('turns personal watchlists and single sites off, and edits the reasons', async () => {
    const connector = settings();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Let people keep a personal watchlist' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Slack' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Reasons for sending anyway' }), {
      target: { value: 'client-ok: The client agreed\nPartner approved' },
    });
    save();
    await screen.findByText('Settings saved.');
    expect(connector.saved).toEqual([
      {
        allowPersonalWatchlist: false,
        sites: { slack: false },
        reasons: [
          { code: 'client-ok', label: 'The client agreed' },
          { code: 'partner-approved', label: 'Partner approved' },
        ],
      },
    ]);
  });

  it('locks what the firm manages and never shows a managed collector token', async () => {
    settings({
      watchlistUrl: 'https://dms.harrowvale.example/watchlist.csv',
      refreshMinutes: 30,
      allowPersonalWatchlist: true,
      collectorToken: 'firm-secret-token',
    });
    expect((await url()).readOnly).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Firm watchlist URL', description: /Set by your firm/ })).toBeTruthy();
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Let people keep a personal watchlist' }).disabled,
    ).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Log collector token').value).toBe('');
    expect(document.body.innerHTML).not.toContain('firm-secret-token');
  });
});
