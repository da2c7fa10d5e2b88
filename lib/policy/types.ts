/** Enterprise policy keys (DESIGN 8). Managed values win over options-page values. */
export type PolicyMode = 'audit' | 'warn' | 'block';
export type LogRecipients = 'full' | 'domain' | 'none';
export type SiteId =
  'gmail' | 'outlook' | 'slack' | 'teams' | 'google-chat' | 'google-drive' | 'dropbox' | 'onedrive' | 'box';

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
  managedKeys: PolicyKey[];
}
