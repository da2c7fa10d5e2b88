import { BOX_SITE } from './box/site';
import { DROPBOX_SITE } from './dropbox/site';
import { GMAIL_SITE } from './gmail/site';
import { GOOGLE_CHAT_SITE } from './google-chat/site';
import { GOOGLE_DRIVE_SITE } from './google-drive/site';
import { ONEDRIVE_SITE } from './onedrive/site';
import { OUTLOOK_SITE } from './outlook/site';
import { SLACK_SITE } from './slack/site';
import { TEAMS_SITE } from './teams/site';

/**
 * Every site Matterguard guards (docs/design.md#surfaces), one definition per site folder: the one list the
 * site ids, labels, content-script match patterns (hosts.ts) and the host → adapter map
 * (registry.ts) derive from. Plain data with no imports beyond the sites' own site.ts, so the
 * pure libraries and wxt.config.ts can read it (eslint.config.js fences it).
 */

/** Which content script guards the site's pages (entrypoints/<family>.content). */
export type SiteFamily = 'webmail' | 'chat' | 'share';

export interface SiteDefinition {
  /** Stored in the log and in policy (`sites`): never rename one. */
  readonly id: string;
  /** The site's name in the log, the settings, the popup and diagnostics ("Gmail"). */
  readonly label: string;
  readonly family: SiteFamily;
  /** Verb on the gate's confirm button: "Send anyway" / "Share anyway" / "Post anyway". */
  readonly overrideLabel: string;
  /** Hosts guarded, lower case; `*.example.com` is every subdomain of it, not example.com itself. */
  readonly hosts: readonly string[];
}

/** In the order people see them listed (log filters, settings). */
export const SITES = [
  GMAIL_SITE,
  OUTLOOK_SITE,
  SLACK_SITE,
  TEAMS_SITE,
  GOOGLE_CHAT_SITE,
  GOOGLE_DRIVE_SITE,
  DROPBOX_SITE,
  ONEDRIVE_SITE,
  BOX_SITE,
] as const satisfies readonly SiteDefinition[];

export type SiteId = (typeof SITES)[number]['id'];

export const SITE_IDS: readonly SiteId[] = SITES.map((site) => site.id);

/** Whether a lower-case host is one of the site's (`*.` entries: any subdomain). */
export function hasHost(site: SiteDefinition, host: string): boolean {
  return site.hosts.some((h) =>
    h.startsWith('*.') ? host.endsWith(h.slice(1)) && host.length > h.length - 1 : host === h,
  );
}

/** The site guarding a host; null when none does. */
export function siteForHost(host: string): (typeof SITES)[number] | null {
  return SITES.find((site) => hasHost(site, host)) ?? null;
}

/** The host of an origin such as `https://mail.google.com`; '' for an opaque origin ("null"). */
export function hostOfOrigin(origin: string): string {
  try {
    return new URL(origin).hostname.toLowerCase();
  } catch {
    return '';
  }
}
