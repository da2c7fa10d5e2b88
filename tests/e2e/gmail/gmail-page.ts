import type { ElementHandle, Page } from 'playwright-core';
import { Ax } from '../harness/ax';
import type { Harness } from '../harness/index';
import { waitUntil } from '../harness/wait';

/*
 * Drives the Gmail fixture (tests/fixtures/gmail, owned by the content side) through its
 * light DOM, with trusted input only. Selectors are the contract's copy of real Gmail
 * (notes/contracts-content.md, SITES.md 2.1).
 */

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';

/** What the fixture records for each send it performs (window.__fixture.sent). */
export interface SentMessage {
  composeId: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  via: 'button' | 'shortcut' | 'schedule';
  trusted: boolean;
}

interface FixtureWindow {
  __fixture?: { sent: SentMessage[] };
}

export class GmailPage {
  private constructor(
    readonly page: Page,
    readonly ax: Ax,
  ) {}

  static async open(harness: Harness, url = GMAIL_URL): Promise<GmailPage> {
    const page = await harness.open(url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mail.google.com' });
    await page.bringToFront();
    await waitUntil(
      () => page.evaluate(() => Array.isArray((window as FixtureWindow).__fixture?.sent)),
      'the Gmail fixture to be ready (window.__fixture.sent)',
      async () =>
        `Page ${page.url()} has no window.__fixture.sent; it shows: ` +
        JSON.stringify((await page.evaluate(() => document.body?.innerText ?? '')).slice(0, 300)),
    );
    return new GmailPage(page, await Ax.attach(page));
  }

  /** The page's own record of what it sent, read in the page world. */
  async sent(): Promise<SentMessage[]> {
    return this.page.evaluate(() => (window as FixtureWindow).__fixture?.sent ?? []);
  }

  /** Clicks "Compose" and returns the new compose window. */
  async compose(): Promise<Compose> {
    const before = await this.page.locator('div.M9').count();
    await this.page.locator('div[role=button].T-I-KE', { hasText: 'Compose' }).click();
    await waitUntil(
      async () => (await this.page.locator('div.M9').count()) > before,
      'a new compose window (div.M9) after clicking Compose',
      async () => `${await this.page.locator('div.M9').count()} compose windows`,
    );
    const root = await this.page.locator('div.M9').nth(before).elementHandle();
    if (!root) throw new Error('The new compose window vanished');
    return new Compose(this, root);
  }

  /** Clicks "Reply" in the open conversation and returns the inline reply (`.ip.adB > .M9`). */
  async reply(): Promise<Compose> {
    await this.page.locator('span[role=link].ams.bkH', { hasText: 'Reply' }).click();
    return this.composeAt('.ip.adB div.M9', 'an inline reply (.ip.adB div.M9) after clicking Reply');
  }

  /** The compose of a pop-out window (`?view=cm`), which is the whole page. */
  async popout(): Promise<Compose> {
    return this.composeAt('div.M9', 'the pop-out compose (div.M9)');
  }

  private async composeAt(selector: string, what: string): Promise<Compose> {
    await waitUntil(async () => (await this.page.locator(selector).count()) > 0, what, () => `no ${selector} in ${this.page.url()}`);
    const root = await this.page.locator(selector).first().elementHandle();
    if (!root) throw new Error(`${selector} vanished`);
    return new Compose(this, root);
  }

  async close(): Promise<void> {
    await this.ax.detach();
    await this.page.close();
  }
}

export class Compose {
  constructor(
    readonly gmail: GmailPage,
    readonly root: ElementHandle,
  ) {}

  private get page(): Page {
    return this.gmail.page;
  }

  private async find(selector: string): Promise<ElementHandle> {
    const el = await this.root.waitForSelector(selector, { state: 'attached', timeout: 5_000 });
    if (!el) throw new Error(`No ${selector} in the compose window`);
    return el;
  }

  /** Centre of the compose window, to tell which notice belongs to it. */
  async centre(): Promise<{ x: number; y: number } | null> {
    const box = await this.root.boundingBox();
    return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  async isOpen(): Promise<boolean> {
    return this.root.evaluate((n) => n.isConnected);
  }

  /** Types an address and commits it to a chip with Enter, as in Gmail. */
  async addRecipient(address: string, field: 'to' | 'cc' | 'bcc' = 'to'): Promise<void> {
    await (await this.find(`div[name=${field}] input`)).click();
    await this.page.keyboard.type(address);
    await this.page.keyboard.press('Enter');
    await this.find(`div[name=${field}] [role=option][data-hovercard-id="${address}"]`);
  }

  async removeRecipient(address: string): Promise<void> {
    const chip = await this.find(`[role=option][data-hovercard-id="${address}"]`);
    const remove = await chip.waitForSelector('div[role=button][aria-label^="Remove"]', { timeout: 5_000 });
    await remove.click();
    await waitUntil(
      async () => (await this.root.$(`[role=option][data-hovercard-id="${address}"]`)) === null,
      `the chip for ${address} to go`,
      () => 'it is still there',
    );
  }

  async typeSubject(text: string): Promise<void> {
    await (await this.find('input[name=subjectbox]')).click();
    await this.page.keyboard.type(text);
  }

  private async focusBodyEnd(): Promise<void> {
    await (await this.find('div[g_editable=true][role=textbox][contenteditable=true]')).click();
    await this.page.keyboard.press('Control+End');
  }

  /** Key by key, like a person. */
  async typeBody(text: string): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.type(text);
  }

  /** One trusted insertion of the whole text (CDP Input.insertText): beforeinput + input. */
  async insertBody(text: string): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.insertText(text);
  }

  /**
   * A real paste: the text goes on the clipboard and Ctrl+V pastes it, so the page sees a
   * trusted `paste` then `beforeinput`/`input` with inputType insertFromPaste (verified in
   * headless Chromium 156).
   */
  async pasteBody(text: string): Promise<void> {
    await this.focusBodyEnd();
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('Control+V');
  }

  async clearBody(): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
  }

  async bodyText(): Promise<string> {
    return (await this.find('div[g_editable=true][role=textbox]')).evaluate((n) => (n as HTMLElement).innerText);
  }

  /** A trusted click on Send. */
  async clickSend(): Promise<void> {
    await this.clickCentre(await this.find('div[role=button].T-I.T-I-atl:not([aria-haspopup=true])'));
  }

  /**
   * A real mouse click at the element's centre, without Playwright's actionability checks:
   * the guard holds a send at pointerdown and puts its dialog over the page, which those
   * checks would take for an element "intercepting pointer events" and retry forever.
   */
  private async clickCentre(element: ElementHandle): Promise<void> {
    const box = await element.boundingBox();
    if (!box) throw new Error('The element to click has no box (hidden?)');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async pressSendShortcut(): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.press('Control+Enter');
  }

  /** The arrow beside Send, then "Schedule send" in its menu. */
  async scheduleSend(): Promise<void> {
    await (await this.find('div[role=button][aria-haspopup=true]')).click();
    // The menu may be rendered outside the compose (Gmail appends menus to body): take the visible one.
    const item = this.page.locator('[role=menu] div[role=menuitem][selector=scheduledSend]').filter({ visible: true });
    await item.waitFor();
    const handle = await item.elementHandle();
    if (!handle) throw new Error('The "Schedule send" menu item vanished');
    await this.clickCentre(handle);
  }

  /** Waits for the page to close this compose, as Gmail does after sending. */
  async waitClosed(): Promise<void> {
    await waitUntil(
      async () => !(await this.isOpen()),
      'the compose window to close after sending',
      () => 'it is still in the page',
    );
  }
}
