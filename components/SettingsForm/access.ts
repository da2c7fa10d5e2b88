import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { isAtLeastAsStrict } from '@/lib/policy/floor';
import type { Policy, PolicyKey, PolicyView } from '@/lib/policy/types';

/** Why a key cannot be changed here (or only one way), in the words the form shows; null when it is free. */
export function accessNote(view: PolicyView, key: PolicyKey): string | null {
  switch (view.access[key]) {
    case 'open':
      return null;
    case 'managed':
      return 'Set by your firm';
    case 'invalid':
      return 'Set by your firm, but its value is not valid: the strictest setting is used until your firm fixes it';
    case 'floor':
      return 'Locked because your firm manages Matterguard';
    case 'stricter':
      return 'Your firm manages Matterguard: this can be made stricter, not weaker';
    case 'once':
      return view.policy.userEmail === ''
        ? 'Your firm manages Matterguard: once saved, only your firm can change it'
        : 'Locked because your firm manages Matterguard';
  }
}

/** Whether the form may not send this key at all (the background refuses it too). */
export function isLocked(view: PolicyView, key: PolicyKey): boolean {
  const access = view.access[key];
  return (
    access === 'managed' ||
    access === 'invalid' ||
    access === 'floor' ||
    (access === 'once' && view.policy.userEmail !== '')
  );
}

/** Whether `value` may be chosen for `key` (a `stricter` key: no weaker than the default). */
export function isAllowed<K extends PolicyKey>(view: PolicyView, key: K, value: Policy[K]): boolean {
  if (isLocked(view, key)) return false;
  return view.access[key] !== 'stricter' || isAtLeastAsStrict(key, value, DEFAULT_POLICY[key]);
}
