import { boxAdapter } from './box/adapter';
import { siteForHost, type SiteId } from './catalog';

export { hostOfOrigin } from './catalog';
import { dropboxAdapter } from './dropbox/adapter';
import { gmailAdapter } from './gmail/adapter';
import { googleChatAdapter } from './google-chat/adapter';
import { googleDriveAdapter } from './google-drive/adapter';
import { onedriveAdapter } from './onedrive/adapter';
import { outlookAdapter } from './outlook/adapter';
import { slackAdapter } from './slack/adapter';
import { teamsAdapter } from './teams/adapter';
import type { SiteAdapter } from './types';

/** Each site of the catalog with the adapter that guards its pages (docs/design.md#site-adapters). */
export const ADAPTERS: Record<SiteId, SiteAdapter> = {
  gmail: gmailAdapter,
  outlook: outlookAdapter,
  slack: slackAdapter,
  teams: teamsAdapter,
  'google-chat': googleChatAdapter,
  'google-drive': googleDriveAdapter,
  dropbox: dropboxAdapter,
  onedrive: onedriveAdapter,
  box: boxAdapter,
};

/** Folders under lib/sites that are code several sites share, not a site. */
export const SHARED_FOLDERS = ['chat', 'share-generic'];

/**
 * Which adapter guards a page, by host. Pass the host of `self.origin`, not `location`: an
 * about:blank pop-out (Outlook) has the opener's origin there and "null" in `location.origin`
 * (docs/sites.md#sites-at-a-glance, docs/sites.md#probes).
 */
export function adapterForHost(host: string): SiteAdapter | null {
  const site = siteForHost(host);
  return site ? ADAPTERS[site.id] : null;
}
