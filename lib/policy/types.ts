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
}

export type PolicyKey = keyof Policy;

/** The effective policy plus which keys were set by the firm (shown locked in the options page). */
export interface EffectivePolicy {
  policy: Policy;
  managedKeys: PolicyKey[];
}
