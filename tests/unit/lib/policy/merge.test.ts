import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { resolvePolicy } from '@/lib/policy/merge';

describe('resolvePolicy', () => {
  it('is the defaults, unlocked, when nothing is set', () => {
    for (const [managed, local] of [
      [undefined, undefined],
      [{}, {}],
      [null, null],
    ]) {
      expect(resolvePolicy(managed, local)).toEqual({ policy: DEFAULT_POLICY, managedKeys: [], issues: [] });
    }
  });

  it('takes options-page settings over defaults, and managed keys over both, listing them as managed', () => {
    const { policy, managedKeys, issues } = resolvePolicy(
      { mode: 'block', userEmail: 'c.lee@harrowvale.example' },
      { mode: 'audit', logRecipients: 'full' },
    );
    expect(policy).toMatchObject({
      mode: 'block',
      userEmail: 'c.lee@harrowvale.example',
      logRecipients: 'full',
      refreshMinutes: 60,
    });
    expect(managedKeys.sort()).toEqual(['mode', 'userEmail']);
    expect(issues).toEqual([]);
  });

  it('ignores a bad managed value with an issue, leaving the key to settings and the other keys managed', () => {
    const { policy, managedKeys, issues } = resolvePolicy({ mode: 'blokc', logRecipients: 'none' }, { mode: 'audit' });
    expect(policy.mode).toBe('audit');
    expect(policy.logRecipients).toBe('none');
    expect(managedKeys).toEqual(['logRecipients']);
    expect(issues).toEqual([expect.stringMatching(/^Managed policy: mode ignored \(/)]);
  });

  it.each<[string, unknown, unknown, string[]]>([
    [
      'lower-cased, "@" dropped, duplicates collapsed',
      ['HarrowVale.EXAMPLE', '@harrowvale.example', ' hv.example '],
      ['harrowvale.example', 'hv.example'],
      [],
    ],
    [
      'from one string, as a registry value gives it',
      'harrowvale.example, hv.example',
      ['harrowvale.example', 'hv.example'],
      [],
    ],
    [
      'with a bad one left out and named',
      ['harrowvale.example', 'not a domain'],
      ['harrowvale.example'],
      ['Managed policy: firmDomains adjusted (not a domain: not a domain).'],
    ],
  ])('reads firmDomains %s', (_name, value, expected, issues) => {
    const resolved = resolvePolicy({ firmDomains: value }, {});
    expect(resolved.policy.firmDomains).toEqual(expected);
    expect(resolved.issues).toEqual(issues);
  });

  it.each<[unknown, number]>([
    [1, 5],
    [0, 5],
    [-30, 5],
    [7.4, 7],
    ['30', 30],
    [100_000, 1440],
  ])('clamps refreshMinutes %j to %i', (value, expected) => {
    expect(resolvePolicy({ refreshMinutes: value }, {}).policy.refreshMinutes).toBe(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an http watchlist URL', { watchlistUrl: 'http://intranet.example/watchlist.csv' }],
    ['a collector URL that is not a URL', { collectorUrl: 'splunk' }],
    ['no override reasons at all', { reasons: [] }],
    [
      'two reasons with one code',
      {
        reasons: [
          { code: 'a', label: 'A' },
          { code: 'a', label: 'B' },
        ],
      },
    ],
    ['a user that is not an email address', { userEmail: 'c.lee' }],
    ['a string for a boolean', { allowPersonalWatchlist: 'no' }],
    ['a list for the per-site switches', { sites: ['gmail'] }],
    ['refreshMinutes in words', { refreshMinutes: 'hourly' }],
  ])('falls back to the default for %s', (_name, managed) => {
    const { policy, managedKeys, issues } = resolvePolicy(managed, {});
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(managedKeys).toEqual([]);
    expect(issues).toHaveLength(1);
  });

  it('keeps the known per-site switches and names the rest', () => {
    const { policy, issues } = resolvePolicy(
      { sites: { slack: false, gmail: true, myspace: false, teams: 'off' } },
      {},
    );
    expect(policy.sites).toEqual({ slack: false, gmail: true });
    expect(issues).toEqual([
      expect.stringMatching(/sites adjusted \(unknown site "myspace".*teams must be true or false\)/),
    ]);
  });

  it('names unknown keys and a policy that is not an object, never throwing', () => {
    expect(resolvePolicy({ firmDomain: ['x.example'] }, 'nonsense').issues).toEqual([
      'Settings is not a set of keys and was ignored.',
      'Managed policy: unknown key "firmDomain" ignored.',
    ]);
  });

  it('accepts https URLs and trims them', () => {
    const { policy } = resolvePolicy(
      { watchlistUrl: ' https://it.harrowvale.example/watchlist.csv ' },
      { collectorUrl: 'https://splunk.harrowvale.example:8088/services/collector' },
    );
    expect(policy.watchlistUrl).toBe('https://it.harrowvale.example/watchlist.csv');
    expect(policy.collectorUrl).toBe('https://splunk.harrowvale.example:8088/services/collector');
  });

  it('does not share arrays with the defaults it was given', () => {
    const { policy } = resolvePolicy({}, {});
    policy.reasons.push({ code: 'x', label: 'X' });
    expect(DEFAULT_POLICY.reasons).toHaveLength(4);
  });
});
