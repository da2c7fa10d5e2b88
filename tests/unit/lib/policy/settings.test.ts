import { describe, expect, it } from 'vitest';
import { checkSettings } from '@/lib/policy/settings';

describe('checkSettings (options-page values before they are stored)', () => {
  it('passes valid values through, normalised', () => {
    expect(
      checkSettings(
        { firmDomains: ['HarrowVale.example'], mode: 'audit', userEmail: ' c.lee@harrowvale.example ' },
        [],
      ),
    ).toEqual({
      ok: true,
      settings: { firmDomains: ['harrowvale.example'], mode: 'audit', userEmail: 'c.lee@harrowvale.example' },
    });
  });

  it('refuses to write keys the firm manages, naming them', () => {
    expect(checkSettings({ mode: 'audit', firmDomains: [] }, ['mode', 'firmDomains'])).toEqual({
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
    const checked = checkSettings(input, []);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(error);
  });
});
