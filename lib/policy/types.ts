import type { SiteId } from '../sites/catalog';

export type { SiteId };

/** Enterprise policy keys (docs/design.md#policy). Managed values win over options-page values. */
export type PolicyMode = 'audit' | 'warn' | 'block';
export type LogRecipients = 'full' | 'domain' | 'none';

export interface OverrideReason {
  code: string;
  label: string;
}

export interface Policy {
  firmDomains: string[];
  watchlistUrl: string;
  refreshMinutes: number;
  mode: PolicyMode;
  sites: Partial<Record<SiteId, boolean>>;
  reasons: OverrideReason[];
  userEmail: string;
  collectorUrl: string;
  collectorToken: string;
  logRecipients: LogRecipients;
  allowPersonalWatchlist: boolean;
  /** How far (percent of entries) a new firm list may shrink against the one in force before it is held back. */
  maxShrinkPercent: number;
}

export type PolicyKey = keyof Policy;

/** The effective policy plus which keys were set by the firm (shown locked in the options page). */
export interface EffectivePolicy {
  policy: Policy;
  /** Keys the firm's managed policy sets, validly or not. */
  managedKeys: PolicyKey[];
}

/**
 * Who may change a key from the options page (docs/design.md#policy-floor, lib/policy/floor.ts):
 * - `open`: no managed policy at all; the user's own setting.
 * - `managed`: the firm set it.
 * - `invalid`: the firm set it, but not validly; the strictest value is in force until fixed.
 * - `floor`: the firm manages Matterguard and left this unset; it stays at the default.
 * - `stricter`: likewise, but the user may make it stricter than the default.
 * - `once`: the user's own address, entered once; after that only the firm changes it.
 */
export type KeyAccess = 'open' | 'managed' | 'invalid' | 'floor' | 'stricter' | 'once';
export type PolicyAccess = Record<PolicyKey, KeyAccess>;

/**
 * What extension pages are told about policy: everything but the collector token, which never
 * leaves the worker (docs/design.md#security-and-reliability); only whether one is set.
 */
export interface PolicyView {
  policy: Omit<Policy, 'collectorToken'>;
  collectorTokenSet: boolean;
  managedKeys: PolicyKey[];
  access: PolicyAccess;
}
