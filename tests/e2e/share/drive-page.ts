import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, type Harness } from '../harness/index';
import { fixtureSetUp, openFixturePage } from '../harness/fixture-page';
import { ShareDialog, type DialogSelectors } from './share-dialog';

/*
 * Drives the Google Drive / Docs fixtures (tests/fixtures/google-drive) with trusted input:
 * Drive's file list at drive.google.com/drive/u/0/, the Docs editor at
 * docs.google.com/document/d/1DocsDraft/edit, and the share dialog in its iframe at
 * /sharing/driveshare (docs/sites.md#google-drive-and-docs). The static server cannot serve those extension-less paths,
 * so they are routed to the fixture files here.
 */

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/google-drive');
export const DRIVE_URL = 'https://drive.google.com/drive/u/0/';
export const DOCS_URL = 'https://docs.google.com/document/d/1DocsDraft/edit';

interface FixtureWindow {
  __fixture?: { uploads?: { names: string[] }[] };
}

export function routeGoogleFixtures(harness: Harness): void {
  const html = (file: string) => async () => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: await readFile(join(FIXTURES, file)),
  });
  harness.server.route('drive.google.com', '/sharing/driveshare', html('sharing/driveshare.html'));
  harness.server.route('docs.google.com', '/sharing/driveshare', html('sharing/driveshare.html'));
  harness.server.route('docs.google.com', '/document/d/1DocsDraft/edit', html('document/edit.html'));
}

/** Drive's file list, or the Docs editor: both open the same share frame. */
export class GooglePage {
  private constructor(readonly page: Page) {}

  static async open(harness: Harness, url: string): Promise<GooglePage> {
    return new GooglePage(await openFixturePage(harness, url, fixtureSetUp));
  }

  /** Types (or pastes) the Docs title, as the user renames the document. */
  async renameDocument(title: string, how: 'type' | 'paste'): Promise<void> {
    const input = this.page.locator('input.docs-title-input');
    await input.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
    if (how === 'type') await this.page.keyboard.type(title);
    else {
      await this.page.evaluate((t) => navigator.clipboard.writeText(t), title);
      await this.page.keyboard.press('Control+V');
    }
    await this.page.keyboard.press('Enter');
  }

  /** Clicks a Share button (Drive's row, or the Docs editor's) and returns the dialog. */
  async openShare(name = /Share/): Promise<ShareDialog> {
    await this.page.getByRole('button', { name }).first().click();
    return ShareDialog.inFrame(this.page, DRIVE_DIALOG);
  }

  async upload(name: string): Promise<void> {
    await this.page
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('draft') });
  }

  async uploads(): Promise<string[][]> {
    return this.page.evaluate(() => ((window as FixtureWindow).__fixture?.uploads ?? []).map((u) => u.names));
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The Google share frame's own controls (tests/fixtures/google-drive/sharing/driveshare.html). */
const DRIVE_DIALOG: DialogSelectors = {
  frameUrl: '/sharing/driveshare',
  peopleInput: 'input[aria-label*="Add people"]',
  chip: (address) => `[role=option][data-hovercard-id="${address}"]`,
  message: 'textarea[aria-label=Message]',
  primary: '.share-primary',
};
