// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsPage } from '@/entrypoints/options/pages/settings-page';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import { POLICY_KEYS } from '@/lib/policy/keys';
import { status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

const domains = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Firm email domains' });
const email = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Your email address' });
const recipients = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Recipients in the log' });
const radio = (name: RegExp) => screen.getByRole<HTMLInputElement>('radio', { name });

describe('the settings page', () => {
  it('shows the current policy in the form', async () => {
    render(<SettingsPage connector={createMemoryConnector({ status: status() })} />);
    await screen.findByRole('textbox', { name: 'Firm email domains' });
    expect(domains().value).toBe('harrowvale.example');
    expect(email().value).toBe('c.lee@harrowvale.example');
    expect(radio(/^Warn/).checked).toBe(true);
    expect(recipients().value).toBe('domain');
    expect(screen.queryByText('Set by your firm')).toBeNull();
  });

  it('locks the keys the firm manages, says so, and saves only the others', async () => {
    const connector = createMemoryConnector({ status: status(['firmDomains', 'mode']) });
    render(<SettingsPage connector={connector} />);
    await screen.findByRole('button', { name: 'Save settings' });

    expect(screen.getByRole('textbox', { name: 'Firm email domains', description: /Set by your firm/ })).toBe(
      domains(),
    );
    expect(domains().readOnly).toBe(true);
    for (const mode of [/^Audit/, /^Warn/, /^Block/]) expect(radio(mode).disabled).toBe(true);
    expect(
      screen.getByRole('group', { name: 'When a message mentions a watched client', description: /Set by your firm/ }),
    ).toBeTruthy();
    expect(email().readOnly).toBe(false);
    expect(recipients().disabled).toBe(false);

    fireEvent.input(email(), { target: { value: 'a.khan@harrowvale.example' } });
    fireEvent.change(recipients(), { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect((await screen.findByRole('status')).textContent).toBe('Settings saved.');
    expect(connector.saved).toEqual([{ userEmail: 'a.khan@harrowvale.example', logRecipients: 'none' }]);
  });

  it('offers no Save when the firm manages every setting here', async () => {
    render(<SettingsPage connector={createMemoryConnector({ status: status([...POLICY_KEYS]) })} />);
    expect(await screen.findByText('All of these settings are set by your firm.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.getAllByText('Set by your firm')).toHaveLength(POLICY_KEYS.length);
  });

  it('cleans up typed domains and saves them', async () => {
    const connector = createMemoryConnector({ status: status() });
    render(<SettingsPage connector={connector} />);
    const field = await screen.findByRole('textbox', { name: 'Firm email domains' });
    fireEvent.input(field, { target: { value: '@HarrowVale.example, harrowvale.example\nhv-law.example' } });
    fireEvent.click(radio(/^Audit/));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(connector.saved[0]).toMatchObject({ firmDomains: ['harrowvale.example', 'hv-law.example'], mode: 'audit' });
    expect(domains().value).toBe('harrowvale.example\nhv-law.example');
  });

  it('refuses what is not a domain or an address, naming it', async () => {
    const connector = createMemoryConnector({ status: status() });
    render(<SettingsPage connector={connector} />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Firm email domains' }), {
      target: { value: 'harrowvale.example\nnot a domain' },
    });
    fireEvent.input(email(), { target: { value: 'c.lee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Not a domain: not, a, domain')).toBeTruthy();
    expect(
      screen.getByRole('textbox', { name: 'Your email address', description: /Enter an email address/ }),
    ).toBeTruthy();
    expect(connector.saved).toEqual([]);
  });

  it('shows why a save failed', async () => {
    render(
      <SettingsPage connector={createMemoryConnector({ status: status(), saveError: 'Storage quota exceeded.' })} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: Storage quota exceeded.');
  });
});
