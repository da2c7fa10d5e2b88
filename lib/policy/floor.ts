import type { Policy, PolicyKey, PolicyMode } from './types';

/**
 * Policy is the floor (docs/design.md#policy-floor): once the firm deploys any managed policy, nothing on this
 * device may weaken protection. Per key, what a user may still do with it when the firm left it
 * unset, and what is in force when the firm's own value is not valid (never the user's value):
 *
 * | key                    | firm left it unset                       | firm's value invalid            |
 * |------------------------|------------------------------------------|---------------------------------|
 * | mode                   | stricter only: warn → block, never audit | block                           |
 * | sites                  | locked: every site guarded               | every site guarded              |
 * | firmDomains            | locked: none (nobody counts as inside)   | none                            |
 * | watchlistUrl           | locked: none                             | kept, never fetched (see below) |
 * | refreshMinutes         | stricter only: more often than 60        | 60                              |
 * | reasons                | locked: the default reasons              | the default reasons             |
 * | userEmail              | once: entered while empty, then locked   | none ("unknown user")           |
 * | collectorUrl           | locked: none                             | kept, never posted to           |
 * | collectorToken         | locked: none                             | none                            |
 * | logRecipients          | locked: domains only                     | domains only                    |
 * | allowPersonalWatchlist | locked: on (personal entries only add)   | on                              |
 *
 * Why these count as weakening: audit mode releases every send; a site switched off is not
 * guarded; an added firm domain makes its recipients "inside"; another watchlist or collector
 * URL replaces the firm's list or sends its records elsewhere; a longer refresh leaves new
 * matters unguarded longer; the reasons are the firm's audit vocabulary; another person's
 * address puts the log on them; fewer recipient details weaken the audit trail, more put
 * personal data in it the firm did not choose to keep; personal entries only ever add matches.
 *
 * An invalid watchlist or collector URL is kept as the firm wrote it rather than cleared: an
 * empty watchlist URL would drop the firm's last good list for the demo one, and an empty
 * collector URL would stop queueing records for the collector. Nothing fetches or posts to a
 * URL that is not https (firm-download.ts, collector.ts), so the last good list stays in force
 * and records wait in the outbox, each with the error shown, until the firm fixes the policy.
 */
export type UnsetRule = 'floor' | 'stricter' | 'once';

interface FloorRule<K extends PolicyKey> {
  unset: UnsetRule;
  /** For `stricter`: whether `value` is at least as strict as `floor`. */
  atLeast?: (value: Policy[K], floor: Policy[K]) => boolean;
  /** What is in force when the firm's value for this key is not valid. */
  invalid: (raw: unknown, defaults: Policy) => Policy[K];
}

const MODE_RANK: Record<PolicyMode, number> = { audit: 0, warn: 1, block: 2 };

/** The firm's unusable URL as written, so the status shows what to fix; nothing fetches it. */
function unusableUrl(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().slice(0, 2_048) : 'not a URL';
}

export const FLOOR: { [K in PolicyKey]: FloorRule<K> } = {
  mode: { unset: 'stricter', atLeast: (value, floor) => MODE_RANK[value] >= MODE_RANK[floor], invalid: () => 'block' },
  sites: { unset: 'floor', invalid: () => ({}) },
  firmDomains: { unset: 'floor', invalid: () => [] },
  watchlistUrl: { unset: 'floor', invalid: unusableUrl },
  refreshMinutes: {
    unset: 'stricter',
    atLeast: (value, floor) => value <= floor,
    invalid: (_raw, defaults) => defaults.refreshMinutes,
  },
  reasons: { unset: 'floor', invalid: (_raw, defaults) => structuredClone(defaults.reasons) },
  userEmail: { unset: 'once', invalid: () => '' },
  collectorUrl: { unset: 'floor', invalid: unusableUrl },
  collectorToken: { unset: 'floor', invalid: () => '' },
  logRecipients: { unset: 'floor', invalid: () => 'domain' },
  allowPersonalWatchlist: { unset: 'floor', invalid: () => true },
  // A larger share lets a more truncated list through: a user may only lower it.
  maxShrinkPercent: {
    unset: 'stricter',
    atLeast: (value, floor) => value <= floor,
    invalid: (_raw, defaults) => defaults.maxShrinkPercent,
  },
};

/** Whether a user's `value` for a `stricter` key is allowed above `floor`; other keys: equal only. */
export function isAtLeastAsStrict<K extends PolicyKey>(key: K, value: Policy[K], floor: Policy[K]): boolean {
  const rule: FloorRule<K> = FLOOR[key];
  return rule.atLeast ? rule.atLeast(value, floor) : JSON.stringify(value) === JSON.stringify(floor);
}

/** The value in force for a key whose managed value is not valid. */
export function strictFallback<K extends PolicyKey>(key: K, raw: unknown, defaults: Policy): Policy[K] {
  const rule: FloorRule<K> = FLOOR[key];
  return rule.invalid(raw, defaults);
}
