import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { FLOOR } from '@/lib/policy/floor';
import { POLICY_KEYS } from '@/lib/policy/keys';
import { isManaged, resolvePolicy } from '@/lib/policy/merge';
import type { KeyAccess, Policy, PolicyKey } from '@/lib/policy/types';

/** What a user who wants the guard out of the way would set, one weakening value per key. */
const WEAKER: Policy = {
  mode: 'audit',
  sites: { gmail: false, slack: false },
  firmDomains: ['harrowvale.example', 'gmail.com'],
  watchlistUrl: 'https://attacker.example/empty.csv',
  refreshMinutes: 1440,
  reasons: [{ code: 'because', label: 'Because I said so' }],
  userEmail: 'someone.else@harrowvale.example',
  collectorUrl: 'https://attacker.example/collector',
  collectorToken: 'my-own-token',
  logRecipients: 'none',
  allowPersonalWatchlist: false,
  maxShrinkPercent: 100,
};

/** Any managed policy at all: here one key that says nothing about the others. */
const FIRM = { watchlistUrl: 'https://it.harrowvale.example/watchlist.csv' };

describe('with no managed policy (an unmanaged install: unchanged)', () => {
  it.each([undefined, null, {}])('managed %j: every key is the user’s, weakening or not', (managed) => {
    const { policy, access, managedKeys, issues } = resolvePolicy(managed, WEAKER);
    expect(policy).toEqual(WEAKER);
    expect(new Set(Object.values(access))).toEqual(new Set(['open']));
    expect(managedKeys).toEqual([]);
    expect(issues).toEqual([]);
  });
});

describe('isManaged', () => {
  it.each<[unknown, boolean]>([
    [undefined, false],
    [null, false],
    [{}, false],
    [{ mode: 'warn' }, true],
    // A key this version does not know (a newer policy) still means the firm manages it.
    [{ maxShrinkPercent: 10 }, true],
    // Garbage in the managed area is a deployed policy too, not its absence.
    ['nonsense', true],
    [[], true],
  ])('%j → %s', (managed, expected) => {
    expect(isManaged(managed)).toBe(expected);
  });
});

describe('once any managed policy is present, every weakening setting is locked', () => {
  it.each<[PolicyKey, unknown, KeyAccess]>([
    ['mode', 'warn', 'stricter'],
    ['sites', {}, 'floor'],
    ['firmDomains', [], 'floor'],
    ['refreshMinutes', 60, 'stricter'],
    ['reasons', DEFAULT_POLICY.reasons, 'floor'],
    ['collectorUrl', '', 'floor'],
    ['collectorToken', '', 'floor'],
    ['logRecipients', 'domain', 'floor'],
    ['allowPersonalWatchlist', true, 'floor'],
    ['maxShrinkPercent', 20, 'stricter'],
  ])('%s: the user’s weaker value is ignored, the default (%j) is in force', (key, expected, access) => {
    const resolved = resolvePolicy(FIRM, WEAKER);
    expect(resolved.policy[key]).toEqual(expected);
    expect(resolved.access[key]).toBe(access);
    expect(resolved.issues).toContainEqual(expect.stringMatching(new RegExp(`^Settings: ${key} ignored \\(`)));
  });

  it('lets a user lower maxShrinkPercent (hold back more lists), never raise it', () => {
    expect(resolvePolicy(FIRM, { maxShrinkPercent: 5 }).policy.maxShrinkPercent).toBe(5);
    expect(resolvePolicy(FIRM, { maxShrinkPercent: 50 }).policy.maxShrinkPercent).toBe(20);
  });

  it('holds whatever the firm set: one unknown key is enough', () => {
    const { policy, access } = resolvePolicy({ someFutureKey: true }, WEAKER);
    expect(policy).toEqual({ ...DEFAULT_POLICY, userEmail: WEAKER.userEmail });
    expect(access.watchlistUrl).toBe('floor');
  });

  it('locks the watchlist URL at none rather than letting the user replace the firm’s', () => {
    const { policy, access } = resolvePolicy({ mode: 'warn' }, WEAKER);
    expect(policy.watchlistUrl).toBe('');
    expect(access.watchlistUrl).toBe('floor');
  });

  it.each<[PolicyKey, unknown]>([
    ['mode', 'block'],
    ['refreshMinutes', 15],
    ['refreshMinutes', 60],
  ])('lets the user make %s stricter (%j)', (key, value) => {
    const { policy, access, issues } = resolvePolicy(FIRM, { [key]: value });
    expect(policy[key]).toEqual(value);
    expect(access[key]).toBe('stricter');
    expect(issues).toEqual([]);
  });

  it('keeps the user’s own address, entered once (the firm set none)', () => {
    const { policy, access } = resolvePolicy(FIRM, { userEmail: 'c.lee@harrowvale.example' });
    expect(policy.userEmail).toBe('c.lee@harrowvale.example');
    expect(access.userEmail).toBe('once');
  });

  it('says nothing about a stored value that equals the floor', () => {
    expect(resolvePolicy(FIRM, { sites: {}, logRecipients: 'domain' }).issues).toEqual([]);
  });

  it('gives every key a rule, and locks every key the firm set', () => {
    expect(Object.keys(FLOOR).sort()).toEqual([...POLICY_KEYS].sort());
    const everything = resolvePolicy(DEFAULT_POLICY, WEAKER);
    expect(everything.policy).toEqual(DEFAULT_POLICY);
    expect(new Set(Object.values(everything.access))).toEqual(new Set(['managed']));
  });
});

describe('an invalid managed value gives the strictest value, never the user’s', () => {
  it.each<[PolicyKey, unknown, unknown]>([
    ['mode', 'Block', 'block'],
    ['mode', 'audit-only', 'block'],
    ['sites', ['gmail'], {}],
    ['sites', 'slack=off', {}],
    ['firmDomains', 'not a domain', []],
    ['firmDomains', [42], []],
    // Kept as written, so the status names it; nothing fetches or posts to a non-https URL.
    ['watchlistUrl', 'http://intranet.example/watchlist.csv', 'http://intranet.example/watchlist.csv'],
    ['watchlistUrl', 42, 'not a URL'],
    ['refreshMinutes', 'hourly', 60],
    ['reasons', [], DEFAULT_POLICY.reasons],
    [
      'reasons',
      [
        { code: 'a', label: 'A' },
        { code: 'a', label: 'B' },
      ],
      DEFAULT_POLICY.reasons,
    ],
    ['userEmail', 'c.lee', ''],
    ['collectorUrl', 'splunk', 'splunk'],
    ['collectorUrl', ' http://splunk.harrowvale.example:8088 ', 'http://splunk.harrowvale.example:8088'],
    ['collectorToken', 'x'.repeat(5_000), ''],
    ['collectorToken', { secret: 1 }, ''],
    ['logRecipients', 'everything', 'domain'],
    ['allowPersonalWatchlist', 'no', true],
  ])('%s %j → %j', (key, raw, expected) => {
    const { policy, access, managedKeys, issues } = resolvePolicy({ [key]: raw }, WEAKER);
    expect(policy[key]).toEqual(expected);
    expect(policy[key]).not.toEqual(WEAKER[key]);
    expect(access[key]).toBe('invalid');
    expect(managedKeys).toEqual([key]);
    const said = issues.find((i) => i.startsWith(`Managed policy: ${key} is not valid (`));
    expect(said).toMatch(/\(.+\); /);
    expect(said?.endsWith(`; ${JSON.stringify(expected)} is in force.`)).toBe(true);
  });

  it('keeps the firm’s other, valid keys', () => {
    const { policy, access } = resolvePolicy({ mode: 'Block', logRecipients: 'none' }, { mode: 'audit' });
    expect(policy.mode).toBe('block');
    expect(policy.logRecipients).toBe('none');
    expect(access).toMatchObject({ mode: 'invalid', logRecipients: 'managed' });
  });
});
