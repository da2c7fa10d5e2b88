import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '@/lib/policy/merge';
import { checkSettings } from '@/lib/policy/settings';

/** checkSettings as the worker calls it: with the access and policy in force for these sources. */
function check(input: Record<string, unknown>, managed: unknown = {}, local: unknown = {}) {
  const { access, policy } = resolvePolicy(managed, local);
  return checkSettings(input, access, policy);
}

const FIRM = { watchlistUrl: 'https://it.harrowvale.example/watchlist.csv' };

describe('checkSettings (options-page values before they are stored)', () => {
  it('passes valid values through, normalised', () => {
    expect(
      check({ firmDomains: ['HarrowVale.example'], mode: 'audit', userEmail: ' c.lee@harrowvale.example ' }),
    ).toEqual({
      ok: true,
      settings: { firmDomains: ['harrowvale.example'], mode: 'audit', userEmail: 'c.lee@harrowvale.example' },
    });
  });

  it('refuses to write keys the firm manages, naming them, valid or not', () => {
    expect(check({ mode: 'audit', firmDomains: [] }, { mode: 'Block', firmDomains: ['harrowvale.example'] })).toEqual({
      ok: false,
      error: 'Set by your firm: mode, firmDomains.',
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown key', { colour: 'red' }, /^Unknown setting: colour\.$/],
    ['a bad mode', { mode: 'strict' }, /^Not saved\. mode: /],
    [
      'a partly bad domain list (nothing silently dropped)',
      { firmDomains: ['harrowvale.example', 'bad domain'] },
      /^Not saved\. firmDomains: not a domain: bad domain\.$/,
    ],
    [
      'a refresh interval out of range (nothing silently clamped)',
      { refreshMinutes: 1 },
      /^Not saved\. refreshMinutes: 1 is outside 5–1440\.$/,
    ],
  ])('refuses %s with a message a person can act on', (_name, input, error) => {
    const checked = check(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(error);
  });
});

describe('checkSettings once the firm manages Matterguard', () => {
  it.each<[string, unknown]>([
    ['sites', { gmail: false }],
    ['sites', {}],
    ['firmDomains', ['gmail.com']],
    ['watchlistUrl', 'https://attacker.example/empty.csv'],
    ['watchlistUrl', ''],
    ['reasons', [{ code: 'because', label: 'Because' }]],
    ['collectorUrl', ''],
    ['collectorUrl', 'https://attacker.example/collector'],
    ['collectorToken', 'my-own'],
    ['logRecipients', 'none'],
    ['logRecipients', 'full'],
    ['allowPersonalWatchlist', false],
  ])('refuses %s = %j: locked, whatever its value', (key, value) => {
    expect(check({ [key]: value }, { mode: 'warn' })).toEqual({
      ok: false,
      error: `Locked because your firm manages Matterguard: ${key}.`,
    });
  });

  it.each<[string, unknown, string]>([
    ['mode', 'audit', 'mode: your firm manages Matterguard, so this can only be made stricter than warn'],
    ['refreshMinutes', 61, 'refreshMinutes: your firm manages Matterguard, so this can only be made stricter than 60'],
  ])('refuses %s = %j: weaker than the floor', (key, value, error) => {
    expect(check({ [key]: value }, FIRM)).toEqual({ ok: false, error: `Not saved. ${error}.` });
  });

  it.each<[string, unknown]>([
    ['mode', 'block'],
    ['mode', 'warn'],
    ['refreshMinutes', 5],
    ['refreshMinutes', 60],
  ])('saves %s = %j: as strict or stricter', (key, value) => {
    expect(check({ [key]: value }, FIRM)).toEqual({ ok: true, settings: { [key]: value } });
  });

  it('takes the user’s address once, then refuses to change it', () => {
    expect(check({ userEmail: 'c.lee@harrowvale.example' }, FIRM)).toEqual({
      ok: true,
      settings: { userEmail: 'c.lee@harrowvale.example' },
    });
    expect(
      check({ userEmail: 'someone.else@harrowvale.example' }, FIRM, { userEmail: 'c.lee@harrowvale.example' }),
    ).toEqual({ ok: false, error: 'Locked because your firm manages Matterguard: userEmail.' });
  });

  it('names keys the firm set and keys it locks in one answer, and writes nothing', () => {
    expect(check({ mode: 'block', sites: {}, userEmail: 'c.lee@harrowvale.example' }, { mode: 'nonsense' })).toEqual({
      ok: false,
      error: 'Set by your firm: mode. Locked because your firm manages Matterguard: sites.',
    });
  });
});
