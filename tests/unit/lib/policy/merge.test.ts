import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { POLICY_KEYS } from '@/lib/policy/keys';
import { resolvePolicy } from '@/lib/policy/merge';

const allOpen = Object.fromEntries(POLICY_KEYS.map((k) => [k, 'open']));

describe('resolvePolicy', () => {
  it('is the defaults, unlocked, when nothing is set', () => {
    for (const [managed, local] of [
      [undefined, undefined],
      [{}, {}],
      [null, null],
    ]) {
      expect(resolvePolicy(managed, local)).toEqual({
        policy: DEFAULT_POLICY,
        managedKeys: [],
        access: allOpen,
        issues: [],
      });
    }
  });

  it('takes options-page settings over defaults when nothing is managed', () => {
    const { policy, managedKeys, issues } = resolvePolicy({}, { mode: 'audit', logRecipients: 'full' });
    expect(policy).toMatchObject({ mode: 'audit', logRecipients: 'full', refreshMinutes: 60 });
    expect(managedKeys).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('takes managed keys over settings, listing them as managed', () => {
    const { policy, managedKeys, access, issues } = resolvePolicy(
      { mode: 'block', userEmail: 'c.lee@harrowvale.example' },
      { mode: 'audit' },
    );
    expect(policy).toMatchObject({ mode: 'block', userEmail: 'c.lee@harrowvale.example', refreshMinutes: 60 });
    expect(managedKeys).toEqual(['mode', 'userEmail']);
    expect(access).toMatchObject({ mode: 'managed', userEmail: 'managed' });
    expect(issues).toEqual([]);
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
    const managed = resolvePolicy({ watchlistUrl: ' https://it.harrowvale.example/watchlist.csv ' }, {}).policy;
    const local = resolvePolicy(
      {},
      { collectorUrl: ' https://splunk.harrowvale.example:8088/services/collector' },
    ).policy;
    expect(managed.watchlistUrl).toBe('https://it.harrowvale.example/watchlist.csv');
    expect(local.collectorUrl).toBe('https://splunk.harrowvale.example:8088/services/collector');
  });

  it('does not share arrays with the defaults it was given', () => {
    for (const managed of [{}, { mode: 'warn' }, { reasons: 'none' }]) {
      const { policy } = resolvePolicy(managed, {});
      policy.reasons.push({ code: 'x', label: 'X' });
    }
    expect(DEFAULT_POLICY.reasons).toHaveLength(4);
  });
});
