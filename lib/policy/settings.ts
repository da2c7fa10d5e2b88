import { DEFAULT_POLICY } from './defaults';
import { isAtLeastAsStrict } from './floor';
import { isPolicyKey, parsePolicyValue } from './keys';
import type { Policy, PolicyAccess, PolicyKey } from './types';

export type CheckedSettings = { ok: true; settings: Partial<Policy> } | { ok: false; error: string };

function setKey<K extends PolicyKey>(settings: Partial<Policy>, key: K, value: Policy[K]): void {
  settings[key] = value;
}

const describe = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Values from the options page, checked before they are stored. Stricter than reading policy:
 * a person is there to fix a mistake, so anything that would be dropped or adjusted is
 * refused with the reason. Keys the firm set, and keys its managed policy locks (floor.ts),
 * are never written, whatever the page sends; `current` is the policy in force now.
 */
export function checkSettings(
  input: Record<string, unknown>,
  access: PolicyAccess,
  current: Pick<Policy, 'userEmail'>,
  defaults: Policy = DEFAULT_POLICY,
): CheckedSettings {
  const keys = Object.keys(input);
  const unknown = keys.filter((k) => !isPolicyKey(k));
  if (unknown.length > 0) return { ok: false, error: `Unknown setting: ${unknown.join(', ')}.` };
  const known = keys as PolicyKey[];
  const byFirm = known.filter((k) => access[k] === 'managed' || access[k] === 'invalid');
  const locked = known.filter((k) => access[k] === 'floor' || (access[k] === 'once' && current.userEmail !== ''));
  const refusals = [
    byFirm.length > 0 ? `Set by your firm: ${byFirm.join(', ')}.` : '',
    locked.length > 0 ? `Locked because your firm manages Matterguard: ${locked.join(', ')}.` : '',
  ].filter(Boolean);
  if (refusals.length > 0) return { ok: false, error: refusals.join(' ') };

  const settings: Partial<Policy> = {};
  const problems: string[] = [];
  for (const key of known) {
    const result = parsePolicyValue(key, input[key]);
    if (!result.ok) problems.push(`${key}: ${result.error}`);
    else if (result.notes.length > 0) problems.push(`${key}: ${result.notes.join('; ')}`);
    else if (access[key] === 'stricter' && !isAtLeastAsStrict(key, result.value, defaults[key]))
      problems.push(
        `${key}: your firm manages Matterguard, so this can only be made stricter than ${describe(defaults[key])}`,
      );
    else setKey(settings, key, result.value);
  }
  if (problems.length > 0) return { ok: false, error: `Not saved. ${problems.join('. ')}.` };
  return { ok: true, settings };
}
