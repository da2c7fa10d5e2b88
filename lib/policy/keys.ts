import { z } from 'zod';
import { SITE_IDS } from '../sites/catalog';
import { isDomain, normaliseDomain } from '../watchlist/fields';
import type { OverrideReason, Policy, PolicyKey, SiteId } from './types';

/**
 * One validator per policy key (docs/design.md#policy), so a bad value costs only its own key. A value
 * that is usable once a part is left out or clamped comes back with notes naming the problem
 * ("1 is outside 5–1440"); an unusable one is refused with the reason.
 */
export type KeyResult<T> = { ok: true; value: T; notes: string[] } | { ok: false; error: string };
type KeyParsers = { [K in PolicyKey]: (value: unknown) => KeyResult<Policy[K]> };

export const REFRESH_MINUTES = { min: 5, max: 1440 } as const;
export const MAX_SHRINK_PERCENT = { min: 0, max: 100 } as const;

function fromZod<T>(schema: z.ZodType<T>): (value: unknown) => KeyResult<T> {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return { ok: true, value: parsed.data, notes: [] };
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `${where}${issue?.message ?? 'invalid value'}` };
  };
}

/** Whether a URL may carry the firm's data or token: https only, never in clear. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

// The watchlist and the log collector are fetched with the firm's data or token: never in clear.
const httpsUrl = z
  .string()
  .trim()
  .refine((v) => v === '' || isHttpsUrl(v), 'must be an https:// address (or empty)');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const reasons = z
  .array(z.object({ code: z.string().trim().min(1).max(64), label: z.string().trim().min(1).max(200) }))
  .min(1, 'needs at least one reason')
  .max(20)
  .refine((list) => new Set(list.map((r) => r.code)).size === list.length, 'reason codes must be unique')
  .transform((list): OverrideReason[] => list.map(({ code, label }) => ({ code, label })));

/** Lists may arrive as one string from a registry value or a text field: "a.com, b.com". */
function parseDomains(value: unknown): KeyResult<string[]> {
  const list = typeof value === 'string' ? value.split(/[\s,;]+/) : value;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string'))
    return { ok: false, error: 'must be a list of domains' };
  const domains = [...new Set(list.map(normaliseDomain).filter((d) => d !== ''))];
  const bad = domains.filter((d) => !isDomain(d));
  const good = domains.filter((d) => isDomain(d));
  if (bad.length > 0 && good.length === 0) return { ok: false, error: `not a domain: ${bad.join(', ')}` };
  return { ok: true, value: good, notes: bad.length > 0 ? [`not a domain: ${bad.join(', ')}`] : [] };
}

function parseRefresh(value: unknown): KeyResult<number> {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return { ok: false, error: 'must be a number of minutes' };
  const minutes = Math.round(n);
  // Too often hammers the firm's server from every browser; too rarely leaves new matters unguarded.
  const clamped = Math.min(REFRESH_MINUTES.max, Math.max(REFRESH_MINUTES.min, minutes));
  const notes = clamped === minutes ? [] : [`${n} is outside ${REFRESH_MINUTES.min}–${REFRESH_MINUTES.max}`];
  return { ok: true, value: clamped, notes };
}

/** A whole percentage, from a number or a numeric string (a registry value, a text field); clamped with a note. */
function parsePercent(value: unknown): KeyResult<number> {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return { ok: false, error: 'must be a percentage (0–100)' };
  const { min, max } = MAX_SHRINK_PERCENT;
  const percent = Math.round(n);
  const clamped = Math.min(max, Math.max(min, percent));
  return { ok: true, value: clamped, notes: clamped === percent ? [] : [`${n} is outside ${min}–${max}`] };
}

function parseSites(value: unknown): KeyResult<Policy['sites']> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'must be an object like {"slack": false}' };
  const sites: Policy['sites'] = {};
  const notes: string[] = [];
  for (const [site, on] of Object.entries(value)) {
    if (!SITE_IDS.includes(site as SiteId)) notes.push(`unknown site "${site}" (known: ${SITE_IDS.join(', ')})`);
    else if (typeof on !== 'boolean') notes.push(`${site} must be true or false`);
    else sites[site as SiteId] = on;
  }
  return { ok: true, value: sites, notes };
}

export const KEY_PARSERS: KeyParsers = {
  firmDomains: parseDomains,
  watchlistUrl: fromZod(httpsUrl),
  refreshMinutes: parseRefresh,
  mode: fromZod(z.enum(['audit', 'warn', 'block'])),
  sites: parseSites,
  reasons: fromZod(reasons),
  userEmail: fromZod(
    z
      .string()
      .trim()
      .max(254)
      .refine((v) => v === '' || EMAIL.test(v), 'must be an email address (or empty)'),
  ),
  collectorUrl: fromZod(httpsUrl),
  collectorToken: fromZod(z.string().trim().max(4096)),
  logRecipients: fromZod(z.enum(['full', 'domain', 'none'])),
  allowPersonalWatchlist: fromZod(z.boolean()),
  maxShrinkPercent: parsePercent,
};

export const POLICY_KEYS = Object.keys(KEY_PARSERS) as PolicyKey[];

export function isPolicyKey(key: string): key is PolicyKey {
  return Object.hasOwn(KEY_PARSERS, key);
}

export function parsePolicyValue<K extends PolicyKey>(key: K, value: unknown): KeyResult<Policy[K]> {
  return KEY_PARSERS[key](value);
}
