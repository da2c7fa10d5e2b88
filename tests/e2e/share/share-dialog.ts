import type { Frame, Page } from 'playwright-core';
import type { Ax } from '../harness/ax';
import { waitForNotice, type NoticeExpectation } from '../harness/matterguard-ui';
import { waitUntil } from '../harness/wait';
import { attachFrameAx } from './frame-ax';

/*
 * One share dialog of a share fixture, driven with trusted input, wherever it renders: in its
 * own iframe (Drive/Docs, SharePoint) or in the page (Dropbox, Box). Each fixture records the
 * shares it performs in window.__fixture.sent of the document that holds the dialog.
 */

/** What every share fixture records per share. */
export interface Shared {
  via: 'send' | 'share' | 'invite' | 'copy-link';
  item: string;
  to: string[];
  message: string;
  notify?: boolean;
  trusted: boolean;
}

/** The fixture's own controls (light DOM, so the tests act as the user would). */
export interface DialogSelectors {
  /** Part of the dialog frame's URL; absent when the dialog is in the page. */
  frameUrl?: string;
  peopleInput: string;
  chip: (address: string) => string;
  message: string;
  primary: string;
}

interface FixtureWindow {
  __fixture?: { sent?: Shared[] };
}

export class ShareDialog {
  constructor(
    readonly page: Page,
    /** The document holding the dialog: its iframe, or the page's main frame. */
    readonly frame: Frame,
    /** That document's accessibility tree (the notice and the gate render there). */
    readonly ax: Ax,
    private readonly sel: DialogSelectors,
  ) {}

  /** The dialog in the frame whose URL contains `sel.frameUrl` (or in the page), once its script runs. */
  static async inFrame(page: Page, sel: DialogSelectors): Promise<ShareDialog> {
    const frame = sel.frameUrl
      ? await waitUntil(
          () => Promise.resolve(page.frames().find((f) => f.url().includes(sel.frameUrl!))),
          `the share dialog iframe (${sel.frameUrl})`,
          () =>
            page
              .frames()
              .map((f) => f.url())
              .join('\n'),
        )
      : page.mainFrame();
    await frame.waitForFunction(() => Array.isArray((window as FixtureWindow).__fixture?.sent));
    await frame.locator(sel.peopleInput).waitFor();
    return new ShareDialog(page, frame, await attachFrameAx(page, frame), sel);
  }

  /** Types an address in the people input and commits it with Enter (which must not share). */
  async invite(address: string): Promise<void> {
    await this.frame.locator(this.sel.peopleInput).click();
    await this.page.keyboard.type(address);
    await this.page.keyboard.press('Enter');
    await this.frame.locator(this.sel.chip(address)).waitFor();
  }

  async removeInvitee(address: string): Promise<void> {
    await this.frame.getByRole('button', { name: `Remove ${address}` }).click();
  }

  async typeMessage(text: string): Promise<void> {
    await this.frame.locator(this.sel.message).click();
    await this.page.keyboard.type(text);
  }

  async pasteMessage(text: string): Promise<void> {
    await this.frame.locator(this.sel.message).click();
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('Control+V');
  }

  /**
   * A real mouse click at the button's centre, without Playwright's actionability checks: the
   * guard holds the press and puts its dialog over the page, which those checks would take
   * for an element "intercepting pointer events".
   */
  async click(name: string): Promise<void> {
    // Within the dialog: the page behind it may have buttons of the same name (Dropbox's row "Share").
    const dialog = this.frame
      .locator('[role=dialog], [aria-modal=true]')
      .filter({ has: this.frame.locator(this.sel.peopleInput) });
    const box = await dialog.getByRole('button', { name, exact: true }).boundingBox();
    if (!box) throw new Error(`The "${name}" button has no box (hidden?)`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async primaryLabel(): Promise<string> {
    return ((await this.frame.locator(this.sel.primary).textContent()) ?? '').trim();
  }

  expectNotice(expected: NoticeExpectation): Promise<string> {
    return waitForNotice(this.ax, () => Promise.resolve(null), expected);
  }

  async sent(): Promise<Shared[]> {
    return this.frame.evaluate(() => (window as FixtureWindow).__fixture?.sent ?? []);
  }
}
