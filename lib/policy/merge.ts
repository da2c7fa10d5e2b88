import { DEFAULT_POLICY } from './defaults';
import { isPolicyKey, parsePolicyValue, POLICY_KEYS } from './keys';
import type { EffectivePolicy, Policy, PolicyKey } from './types';

export type ResolvedPolicy = EffectivePolicy & {
  /** What was ignored or adjusted, in words, for the firm's administrators. */
  issues: string[];
};

function asObject(value: unknown, label: string, issues: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  issues.push(`${label} is not a set of keys and was ignored.`);
  return {};
}

function setKey<K extends PolicyKey>(policy: Policy, key: K, value: Policy[K]): void {
  policy[key] = value;
}

/**
 * The effective policy (docs/design.md#policy): each key from the firm's managed policy if it gives a valid
 * value, else from the options page, else the default. Keys are validated one by one, so a
 * typo in one managed value is reported and ignored without breaking the rest. Keys that take
 * their value from managed policy are listed in `managedKeys` (shown locked).
 */
export function resolvePolicy(managed: unknown, local: unknown, defaults: Policy = DEFAULT_POLICY): ResolvedPolicy {
  const issues: string[] = [];
  const sources = [
    { label: 'Managed policy', values: asObject(managed, 'Managed policy', issues), managed: true },
    { label: 'Settings', values: asObject(local, 'Settings', issues), managed: false },
  ];
  const policy: Policy = structuredClone(defaults);
  const managedKeys: PolicyKey[] = [];

  for (const source of sources) {
    for (const key of Object.keys(source.values)) {
      if (!isPolicyKey(key)) issues.push(`${source.label}: unknown key "${key}" ignored.`);
    }
  }
  for (const key of POLICY_KEYS) {
    for (const source of sources) {
      if (source.values[key] === undefined) continue;
      const result = parsePolicyValue(key, source.values[key]);
      if (!result.ok) {
        issues.push(`${source.label}: ${key} ignored (${result.error}).`);
        continue;
      }
      if (result.notes.length > 0) issues.push(`${source.label}: ${key} adjusted (${result.notes.join('; ')}).`);
      setKey(policy, key, result.value);
      if (source.managed) managedKeys.push(key);
      break;
    }
  }
  return { policy, managedKeys, issues };
}
