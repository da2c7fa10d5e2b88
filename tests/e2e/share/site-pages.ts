import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteId } from '../../../lib/policy/types';
import { REPO_ROOT, type Harness } from '../harness/index';
import { fixtureSetUp, openFixturePage } from '../harness/fixture-page';
import { ShareDialog, type DialogSelectors } from './share-dialog';

/*
 * The SharePoint/OneDrive, Dropbox and Box fixtures, opened at their real hostnames. Their page
 * paths (`/home`, `/folder/0`, `….aspx`) are not files the static server can type, so they are
 * routed to the fixture files here.
 */

const FIXTURES = join(REPO_ROOT, 'tests/fixtures');

export interface ShareSite {
  name: string;
  /** The site id the override log records. */
  id: SiteId;
  /** The page with the file list. */
  url: string;
  /** Routes: host, path, fixture file. */
  routes: [string, string, string][];
  dialog: DialogSelectors;
  /** A file whose name names a watched client, and one whose does not. */
  watchedItem: RegExp;
  plainItem: RegExp;
  /** The client the watched item names, and the share button's label. */
  client: string;
  shareLabel: string;
}

const SHAREPOINT_DIALOG: DialogSelectors = {
  frameUrl: '/_layouts/15/sharedialog.aspx',
  peopleInput: 'input[aria-label="Add a name, group, or email"]',
  chip: (a) => `.ms-PickerPersona-container[data-address="${a}"]`,
  message: 'textarea[aria-label="Add a message"]',
  primary: '.od-Send',
};
const MODAL_DIALOG = (peopleInput: string): DialogSelectors => ({
  peopleInput,
  chip: (a) => `.fx-chip-on:has(button[aria-label="Remove ${a}"])`,
  message: 'textarea.fx-message',
  primary: '.fx-share',
});
const spRoutes = (host: string, site: string, page: string): [string, string, string][] => [
  [host, page, 'onedrive/library.html'],
  [host, `${site}/_layouts/15/sharedialog.aspx`, 'onedrive/_layouts/15/sharedialog.html'],
];
const SP_COMMON = {
  id: 'onedrive' as const,
  dialog: SHAREPOINT_DIALOG,
  watchedItem: /Share Acme Holdings completion/,
  plainItem: /Share Office move/,
  client: 'Acme Holdings Ltd',
  shareLabel: 'Send',
};

export const SHARE_SITES: ShareSite[] = [
  {
    name: 'SharePoint (harrowvale.sharepoint.com)',
    ...SP_COMMON,
    url: 'https://harrowvale.sharepoint.com/sites/Matters/Shared%20Documents/Forms/AllItems.aspx',
    routes: spRoutes(
      'harrowvale.sharepoint.com',
      '/sites/Matters',
      '/sites/Matters/Shared Documents/Forms/AllItems.aspx',
    ),
  },
  {
    name: 'OneDrive for Business (harrowvale-my.sharepoint.com)',
    ...SP_COMMON,
    url: 'https://harrowvale-my.sharepoint.com/personal/a_lawyer_harrowvale_example/_layouts/15/onedrive.aspx',
    routes: spRoutes(
      'harrowvale-my.sharepoint.com',
      '/personal/a_lawyer_harrowvale_example',
      '/personal/a_lawyer_harrowvale_example/_layouts/15/onedrive.aspx',
    ),
  },
  {
    name: 'OneDrive (onedrive.live.com)',
    ...SP_COMMON,
    url: 'https://onedrive.live.com/?id=root',
    routes: spRoutes('onedrive.live.com', '', '/'),
  },
  {
    name: 'Dropbox (www.dropbox.com)',
    id: 'dropbox',
    url: 'https://www.dropbox.com/home',
    routes: [['www.dropbox.com', '/home', 'dropbox/home.html']],
    dialog: MODAL_DIALOG('input[aria-label="Email or name"]'),
    watchedItem: /^Share$/,
    plainItem: /^Share$/,
    client: 'Acme Holdings Ltd',
    shareLabel: 'Share',
  },
  {
    name: 'Box (app.box.com)',
    id: 'box',
    url: 'https://app.box.com/folder/0',
    routes: [['app.box.com', '/folder/0', 'box/folder.html']],
    dialog: MODAL_DIALOG('input[aria-label^="Invite people"]'),
    watchedItem: /^Share$/,
    plainItem: /^Share$/,
    client: 'Beta Industries GmbH',
    shareLabel: 'Send',
  },
];

export function routeShareSites(harness: Harness): void {
  for (const site of SHARE_SITES) {
    for (const [host, path, file] of site.routes) {
      harness.server.route(host, path, async () => ({
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: await readFile(join(FIXTURES, file)),
      }));
    }
  }
}

export class SitePage {
  private constructor(
    readonly page: Page,
    readonly site: ShareSite,
  ) {}

  static async open(harness: Harness, site: ShareSite): Promise<SitePage> {
    return new SitePage(await openFixturePage(harness, site.url, fixtureSetUp), site);
  }

  /** Clicks the row's Share button (`which`: the watched item, first row; the plain one, second). */
  async openShare(which: 'watched' | 'plain'): Promise<ShareDialog> {
    const name = which === 'watched' ? this.site.watchedItem : this.site.plainItem;
    // Dropbox and Box rows are all named "Share": the watched item is the first row, the plain one the second.
    const sameNames = this.site.plainItem.source === this.site.watchedItem.source;
    await this.page
      .getByRole('button', { name })
      .nth(which === 'plain' && sameNames ? 1 : 0)
      .click();
    return ShareDialog.inFrame(this.page, this.site.dialog);
  }

  async upload(name: string): Promise<void> {
    await this.page
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('draft') });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
