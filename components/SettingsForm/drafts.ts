import { SITE_IDS } from '@/lib/log/format';
import { parsePolicyValue } from '@/lib/policy/keys';
import type { LogRecipients, OverrideReason, Policy, PolicyKey, PolicyMode, SiteId } from '@/lib/policy/types';
import { isEmailOrEmpty, parseDomains } from './parse';

/** Every policy key (docs/design.md#policy) as the form holds it while the user types. */
export interface Drafts {
  firmDomains: string;
  watchlistUrl: string;
  refreshMinutes: string;
  mode: PolicyMode;
  sites: Record<SiteId, boolean>;
  reasons: string;
  userEmail: string;
  collectorUrl: string;
  /** A new token typed here; '' keeps the saved one (which is never shown). */
  collectorToken: string;
  /** Remove the saved token. */
  removeToken: boolean;
  logRecipients: LogRecipients;
  allowPersonalWatchlist: boolean;
  maxShrinkPercent: string;
}

export type DraftErrors = Partial<Record<PolicyKey, string>>;

/** Reasons as lines "code: label", the way the form shows them. */
export function reasonsText(reasons: OverrideReason[]): string {
  return reasons.map((r) => `${r.code}: ${r.label}`).join('\n');
}

const slug = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64);

/** "code: label" per line; a line without a code gets one made from its label. */
export function parseReasons(text: string): OverrideReason[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      const code = colon > 0 ? line.slice(0, colon).trim() : '';
      const label = colon > 0 ? line.slice(colon + 1).trim() : line;
      return { code: code || slug(label), label };
    });
}

/** Sites as stored: only those turned off, in one order, so equal choices compare equal. */
export function canonicalSites(sites: Partial<Record<SiteId, boolean>>): Partial<Record<SiteId, boolean>> {
  return Object.fromEntries(SITE_IDS.filter((site) => sites[site] === false).map((site) => [site, false]));
}

export function draftsOf(policy: Omit<Policy, 'collectorToken'>): Drafts {
  return {
    firmDomains: policy.firmDomains.join('\n'),
    watchlistUrl: policy.watchlistUrl,
    refreshMinutes: String(policy.refreshMinutes),
    mode: policy.mode,
    sites: Object.fromEntries(SITE_IDS.map((site) => [site, policy.sites[site] !== false])) as Record<SiteId, boolean>,
    reasons: reasonsText(policy.reasons),
    userEmail: policy.userEmail,
    collectorUrl: policy.collectorUrl,
    collectorToken: '',
    removeToken: false,
    logRecipients: policy.logRecipients,
    allowPersonalWatchlist: policy.allowPersonalWatchlist,
    maxShrinkPercent: String(policy.maxShrinkPercent),
  };
}

/** One key through the policy's own validator, strictly: a value it would adjust is an error here. */
function strict<K extends PolicyKey>(key: K, value: unknown, errors: DraftErrors): Policy[K] | undefined {
  const result = parsePolicyValue(key, value);
  if (!result.ok) errors[key] = `This ${result.error}.`;
  else if (result.notes.length > 0) errors[key] = `${result.notes.join('; ')}.`;
  else return result.value;
  return undefined;
}

/** The values the drafts stand for, and what is wrong with each key that cannot be saved. */
export function readDrafts(d: Drafts): { values: Partial<Policy>; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const domains = parseDomains(d.firmDomains);
  if (domains.invalid.length > 0) errors.firmDomains = `Not a domain: ${domains.invalid.join(', ')}`;
  if (!isEmailOrEmpty(d.userEmail))
    errors.userEmail = 'Enter an email address, e.g. c.lee@harrowvale.example, or leave it empty.';
  const values: Partial<Policy> = {
    firmDomains: domains.domains,
    mode: d.mode,
    sites: canonicalSites(d.sites),
    userEmail: d.userEmail.trim(),
    logRecipients: d.logRecipients,
    allowPersonalWatchlist: d.allowPersonalWatchlist,
    collectorToken: d.collectorToken.trim(),
    watchlistUrl: strict('watchlistUrl', d.watchlistUrl, errors),
    refreshMinutes: strict('refreshMinutes', d.refreshMinutes.trim() === '' ? null : d.refreshMinutes, errors),
    reasons: strict('reasons', parseReasons(d.reasons), errors),
    collectorUrl: strict('collectorUrl', d.collectorUrl, errors),
    maxShrinkPercent: strict('maxShrinkPercent', d.maxShrinkPercent.trim() === '' ? null : d.maxShrinkPercent, errors),
  };
  return { values, errors };
}
