import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { resolvePolicy } from '@/lib/policy/merge';
import { checkSettings } from '@/lib/policy/settings';

/** checkSettings as the worker calls it: with the access and policy in force for these sources. */
function check(input: Record<string, unknown>, managed: unknown = {}) {
  const { access, policy } = resolvePolicy(managed, {});
  return checkSettings(input, access, policy);
}

/* Policy maxShrinkPercent (issue 10 item 8): how far a new firm list may shrink before it is held back. */

describe('maxShrinkPercent from managed policy', () => {
  it('is 20 unless set', () => {
    expect(DEFAULT_POLICY.maxShrinkPercent).toBe(20);
    expect(resolvePolicy({}, {}).policy.maxShrinkPercent).toBe(20);
  });

  it.each<[unknown, number, number]>([
    [50, 50, 0],
    ['35', 35, 0],
    [0, 0, 0],
    [100, 100, 0],
    [12.4, 12, 0],
    [150, 100, 1],
    [-5, 0, 1],
  ])('takes %j as %i (%i issue)', (value, expected, issues) => {
    const resolved = resolvePolicy({ maxShrinkPercent: value }, {});
    expect(resolved.policy.maxShrinkPercent).toBe(expected);
    expect(resolved.managedKeys).toEqual(['maxShrinkPercent']);
    expect(resolved.issues).toHaveLength(issues);
  });

  it('falls back, with the reason, when it is not a number', () => {
    const resolved = resolvePolicy({ maxShrinkPercent: 'lots' }, {});
    expect(resolved.policy.maxShrinkPercent).toBe(20);
    expect(resolved.issues).toEqual([expect.stringMatching(/maxShrinkPercent.*must be a percentage \(0–100\)/)]);
  });
});

describe('maxShrinkPercent from the options page', () => {
  it('is saved when it is a whole percentage', () => {
    expect(check({ maxShrinkPercent: '30' })).toEqual({ ok: true, settings: { maxShrinkPercent: 30 } });
  });

  it.each<[unknown, string]>([
    [120, 'Not saved. maxShrinkPercent: 120 is outside 0–100.'],
    ['half', 'Not saved. maxShrinkPercent: must be a percentage (0–100).'],
  ])('refuses %j, saying why', (value, error) => {
    expect(check({ maxShrinkPercent: value })).toEqual({ ok: false, error });
  });

  it('cannot be changed when the firm sets it', () => {
    expect(check({ maxShrinkPercent: 100 }, { maxShrinkPercent: 20 })).toEqual({
      ok: false,
      error: 'Set by your firm: maxShrinkPercent.',
    });
  });
});
