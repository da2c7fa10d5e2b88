import { isPolicyKey, parsePolicyValue } from './keys';
import type { Policy, PolicyKey } from './types';

export type CheckedSettings = { ok: true; settings: Partial<Policy> } | { ok: false; error: string };

function setKey<K extends PolicyKey>(settings: Partial<Policy>, key: K, value: Policy[K]): void {
  settings[key] = value;
}

/**
 * Values from the options page, checked before they are stored. Stricter than reading policy:
 * a person is there to fix a mistake, so anything that would be dropped or adjusted is
 * refused with the reason, and keys the firm manages are never written.
 */
export function checkSettings(input: Record<string, unknown>, managedKeys: readonly PolicyKey[]): CheckedSettings {
  const keys = Object.keys(input);
  const unknown = keys.filter((k) => !isPolicyKey(k));
  if (unknown.length > 0) return { ok: false, error: `Unknown setting: ${unknown.join(', ')}.` };
  const locked = keys.filter((k) => managedKeys.includes(k as PolicyKey));
  if (locked.length > 0) return { ok: false, error: `Set by your firm: ${locked.join(', ')}.` };

  const settings: Partial<Policy> = {};
  const problems: string[] = [];
  for (const key of keys as PolicyKey[]) {
    const result = parsePolicyValue(key, input[key]);
    if (!result.ok) problems.push(`${key}: ${result.error}`);
    else if (result.notes.length > 0) problems.push(`${key}: ${result.notes.join('; ')}`);
    else setKey(settings, key, result.value);
  }
  if (problems.length > 0) return { ok: false, error: `Not saved. ${problems.join('. ')}.` };
  return { ok: true, settings };
}
