import type { ElementHandle } from 'playwright-core';
import { ComposePage, clickCentre, type SentMail } from '../harness/compose-page';
import { FixturePage } from '../harness/fixture-page';
import type { Harness } from '../harness/index';
import { waitUntil } from '../harness/wait';

/*
 * Drives the Gmail fixture (tests/fixtures/gmail, owned by the content side) through its
 * light DOM, with trusted input only. Selectors are the contract's copy of real Gmail
 * (docs/sites.md#fixtures, docs/sites.md#gmail).
 */

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';

/** What the fixture records for each send it performs (window.__fixture.sent). */
export type SentMessage = SentMail;

export class GmailPage extends FixturePage<SentMessage> {
  static async open(harness: Harness, url = GMAIL_URL): Promise<GmailPage> {
    const { page, ax } = await FixturePage.openTab(harness, url);
    return new GmailPage(page, ax);
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
    await waitUntil(
      async () => (await this.page.locator(selector).count()) > 0,
      what,
      () => `no ${selector} in ${this.page.url()}`,
    );
    const root = await this.page.locator(selector).first().elementHandle();
    if (!root) throw new Error(`${selector} vanished`);
    return new Compose(this, root);
  }
}

export class Compose extends ComposePage {
  constructor(
    readonly gmail: GmailPage,
    root: ElementHandle,
  ) {
    super(gmail.page, gmail.ax, root);
  }

  /** Types an address and commits it to a chip with Enter, as in Gmail. */
  async addRecipient(address: string, field: 'to' | 'cc' | 'bcc' = 'to'): Promise<void> {
    await this.commitRecipient(
      address,
      async () => (await this.find(`div[name=${field}] input`)).click(),
      `div[name=${field}] [role=option][data-hovercard-id="${address}"]`,
    );
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

  protected override async focusBodyEnd(): Promise<void> {
    await (await this.find('div[g_editable=true][role=textbox][contenteditable=true]')).click();
    await this.page.keyboard.press('Control+End');
  }

  /** One trusted insertion of the whole text (CDP Input.insertText): beforeinput + input. */
  async insertBody(text: string): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.insertText(text);
  }

  async clearBody(): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
  }

  async bodyText(): Promise<string> {
    return (await this.find('div[g_editable=true][role=textbox]')).evaluate((n) => (n as HTMLElement).innerText);
  }

  /**
   * A trusted click on Send, at its centre without Playwright's actionability checks: the
   * guard holds a send at pointerdown and puts its dialog over the page, which those checks
   * would take for an element "intercepting pointer events" and retry forever.
   */
  async clickSend(): Promise<void> {
    await clickCentre(this.page, await this.find('div[role=button].T-I.T-I-atl:not([aria-haspopup=true])'));
  }

  /** The arrow beside Send, then "Schedule send" in its menu. */
  async scheduleSend(): Promise<void> {
    await (await this.find('div[role=button][aria-haspopup=true]')).click();
    // The menu may be rendered outside the compose (Gmail appends menus to body): take the visible one.
    const item = this.page.locator('[role=menu] div[role=menuitem][selector=scheduledSend]').filter({ visible: true });
    await item.waitFor();
    const handle = await item.elementHandle();
    if (!handle) throw new Error('The "Schedule send" menu item vanished');
    await clickCentre(this.page, handle);
  }
}
