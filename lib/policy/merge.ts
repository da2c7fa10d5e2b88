import { DEFAULT_POLICY } from './defaults';
import { FLOOR, isAtLeastAsStrict, strictFallback } from './floor';
import { isPolicyKey, parsePolicyValue, POLICY_KEYS } from './keys';
import type { EffectivePolicy, KeyAccess, Policy, PolicyAccess, PolicyKey } from './types';

export type ResolvedPolicy = EffectivePolicy & {
  /** Who may change each key from the options page, and why not (lib/policy/floor.ts). */
  access: PolicyAccess;
  /** What was ignored or adjusted, in words, for the firm's administrators. */
  issues: string[];
};

function asObject(value: unknown, label: string, issues: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  issues.push(`${label} is not a set of keys and was ignored.`);
  return {};
}

/**
 * Whether the firm manages this device at all: any managed value, even one this version does
 * not know or cannot use, means an administrator deployed a policy, so the floor applies.
 */
export function isManaged(managed: unknown): boolean {
  if (managed === undefined || managed === null) return false;
  return typeof managed !== 'object' || Array.isArray(managed) || Object.keys(managed).length > 0;
}

interface KeyOutcome<K extends PolicyKey> {
  value: Policy[K];
  access: KeyAccess;
}

/** One key's value from one source, or undefined (with the issue noted) when it is not usable. */
function parsed<K extends PolicyKey>(key: K, raw: unknown, label: string, issues: string[]): Policy[K] | undefined {
  if (raw === undefined) return undefined;
  const result = parsePolicyValue(key, raw);
  if (!result.ok) {
    issues.push(`${label}: ${key} ignored (${result.error}).`);
    return undefined;
  }
  if (result.notes.length > 0) issues.push(`${label}: ${key} adjusted (${result.notes.join('; ')}).`);
  return result.value;
}

function resolveKey<K extends PolicyKey>(
  key: K,
  managed: Record<string, unknown> | null,
  local: Record<string, unknown>,
  defaults: Policy,
  issues: string[],
): KeyOutcome<K> {
  const fallback = (): Policy[K] => structuredClone(defaults[key]);
  if (managed && managed[key] !== undefined) {
    const result = parsePolicyValue(key, managed[key]);
    if (result.ok) {
      if (result.notes.length > 0) issues.push(`Managed policy: ${key} adjusted (${result.notes.join('; ')}).`);
      return { value: result.value, access: 'managed' };
    }
    const value = strictFallback(key, managed[key], defaults);
    issues.push(`Managed policy: ${key} is not valid (${result.error}); ${JSON.stringify(value)} is in force.`);
    return { value, access: 'invalid' };
  }
  const mine = parsed(key, local[key], 'Settings', issues);
  if (!managed) return { value: mine ?? fallback(), access: 'open' };

  const rule = FLOOR[key].unset;
  if (rule === 'once') return { value: mine ?? fallback(), access: 'once' };
  if (rule === 'stricter' && (mine === undefined || isAtLeastAsStrict(key, mine, defaults[key])))
    return { value: mine ?? fallback(), access: 'stricter' };
  if (mine !== undefined && JSON.stringify(mine) !== JSON.stringify(defaults[key]))
    issues.push(
      rule === 'stricter'
        ? `Settings: ${key} ignored (weaker than ${JSON.stringify(defaults[key])}, and the firm manages this browser).`
        : `Settings: ${key} ignored (locked: the firm manages this browser).`,
    );
  return { value: fallback(), access: rule };
}

function setKey<K extends PolicyKey>(policy: Policy, key: K, value: Policy[K]): void {
  policy[key] = value;
}

/**
 * The effective policy (docs/design.md#policy). Without managed policy: each key from the options page if
 * valid, else the default. With any managed policy: each key the firm set wins (an invalid one
 * gives the key's strictest value, never the user's), and the user's own values count only
 * where lib/policy/floor.ts lets them. Keys are validated one by one, so a typo in one managed
 * value is reported without breaking the rest.
 */
export function resolvePolicy(managed: unknown, local: unknown, defaults: Policy = DEFAULT_POLICY): ResolvedPolicy {
  const issues: string[] = [];
  const managedValues = isManaged(managed) ? asObject(managed, 'Managed policy', issues) : null;
  const localValues = asObject(local, 'Settings', issues);
  for (const [label, values] of [
    ['Managed policy', managedValues ?? {}],
    ['Settings', localValues],
  ] as const) {
    for (const key of Object.keys(values)) {
      if (!isPolicyKey(key)) issues.push(`${label}: unknown key "${key}" ignored.`);
    }
  }

  const policy: Policy = structuredClone(defaults);
  const access = {} as PolicyAccess;
  const managedKeys: PolicyKey[] = [];
  for (const key of POLICY_KEYS) {
    const outcome = resolveKey(key, managedValues, localValues, defaults, issues);
    setKey(policy, key, outcome.value);
    access[key] = outcome.access;
    if (outcome.access === 'managed' || outcome.access === 'invalid') managedKeys.push(key);
  }
  return { policy, managedKeys, access, issues };
}
