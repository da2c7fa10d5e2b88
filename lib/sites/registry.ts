import { boxAdapter } from './box/adapter';
import { dropboxAdapter } from './dropbox/adapter';
import { gmailAdapter } from './gmail/adapter';
import { googleChatAdapter } from './google-chat/adapter';
import { outlookAdapter } from './outlook/adapter';
import { slackAdapter } from './slack/adapter';
import { teamsAdapter } from './teams/adapter';
import { googleDriveAdapter } from './google-drive/adapter';
import { onedriveAdapter } from './onedrive/adapter';
import type { SiteAdapter } from './types';

/**
 * Which adapter guards a page, by host (docs/design.md#site-adapters).
 * Pass the host of `self.origin`, not `location`: an about:blank pop-out (Outlook) has the
 * opener's origin there and "null" in `location.origin` (docs/sites.md#frames-and-pop-outs, docs/sites.md#probes).
 */
const BY_HOST: Record<string, SiteAdapter> = {
  'mail.google.com': gmailAdapter,
  'outlook.office.com': outlookAdapter,
  'outlook.office365.com': outlookAdapter,
  'outlook.live.com': outlookAdapter,
  'outlook.cloud.microsoft': outlookAdapter,
  // Chat family (docs/sites.md#chat-sites); Google Chat inside Gmail runs in chat.google.com iframes.
  'app.slack.com': slackAdapter,
  'teams.microsoft.com': teamsAdapter,
  'teams.cloud.microsoft': teamsAdapter,
  'chat.google.com': googleChatAdapter,
  // Share family (docs/sites.md#share-dialogs): the dialogs' iframes are on these hosts too.
  'drive.google.com': googleDriveAdapter,
  'docs.google.com': googleDriveAdapter,
  'www.dropbox.com': dropboxAdapter,
  'onedrive.live.com': onedriveAdapter,
  'app.box.com': boxAdapter,
};

/** Hosts guarded with all their subdomains: every SharePoint tenant (incl. `tenant-my`). */
const BY_SUFFIX: [string, SiteAdapter][] = [['.sharepoint.com', onedriveAdapter]];

export function adapterForHost(host: string): SiteAdapter | null {
  if (Object.hasOwn(BY_HOST, host)) return BY_HOST[host]!;
  return BY_SUFFIX.find(([suffix]) => host.endsWith(suffix) && host.length > suffix.length)?.[1] ?? null;
}

/** The host of an origin such as `https://mail.google.com`; '' for an opaque origin ("null"). */
export function hostOfOrigin(origin: string): string {
  try {
    return new URL(origin).hostname.toLowerCase();
  } catch {
    return '';
  }
}
