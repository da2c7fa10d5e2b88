import type { Page } from 'playwright-core';
import { Ax } from '../harness/ax';
import { ComposePage, clickCentre, dropText, type SentMail } from '../harness/compose-page';
import { FixturePage } from '../harness/fixture-page';
import type { Harness } from '../harness/index';
import { waitUntil } from '../harness/wait';

/*
 * Drives the Outlook fixture (tests/fixtures/outlook) through its light DOM with trusted input
 * only. Selectors are the fixture's copy of the new Outlook (docs/sites.md#outlook-on-the-web).
 */

export const OUTLOOK_URL = 'https://outlook.office.com/mail/';

export interface OutlookSent extends SentMail {
  attachments: string[];
  popout: boolean;
}

interface FixtureWindow {
  __fixture?: { popoutKind: string | null; attach(id: string, name: string): void };
}

/** The Outlook tab; what it sent (`sent()`) is the opener's record, for pop-outs too. */
export class OutlookPage extends FixturePage<OutlookSent> {
  static async open(harness: Harness, url = OUTLOOK_URL): Promise<OutlookPage> {
    const { page, ax } = await FixturePage.openTab(harness, url);
    return new OutlookPage(page, ax);
  }

  /** How the fixture opened its last pop-out (?popout=): 'about:blank', 'empty' or 'none'. */
  async popoutKind(): Promise<string | null> {
    return this.page.evaluate(() => (window as FixtureWindow).__fixture?.popoutKind ?? null);
  }

  async attach(compose: OutlookCompose, name: string): Promise<void> {
    const id = await compose.id();
    await this.page.evaluate(([i, n]) => (window as FixtureWindow).__fixture!.attach(i!, n!), [id, name]);
  }

  async newMail(): Promise<OutlookCompose> {
    return this.opened(
      () => this.page.locator('button[aria-label="New mail"]').click(),
      '.fx-compose-host .fx-compose',
    );
  }

  async reply(): Promise<OutlookCompose> {
    return this.opened(
      () => this.page.locator('.fx-msg-actions button[aria-label=Reply]').click(),
      '.fx-reply-host .fx-compose',
    );
  }

  private async opened(open: () => Promise<void>, selector: string): Promise<OutlookCompose> {
    const before = await this.page.locator(selector).count();
    await open();
    await waitUntil(
      async () => (await this.page.locator(selector).count()) > before,
      `a new compose (${selector})`,
      () => 'none',
    );
    const root = await this.page.locator(selector).nth(before).elementHandle();
    if (!root) throw new Error('The new compose vanished');
    return new OutlookCompose(this.page, this.ax, root);
  }

  /** Pops the compose out into OWA's about:blank window (however the fixture opens it) and returns it there. */
  async popOut(compose: OutlookCompose): Promise<{ popup: Page; ax: Ax; compose: OutlookCompose }> {
    const [popup] = await Promise.all([
      this.page.waitForEvent('popup'),
      compose.click('button[aria-label="Open in new window"]'),
    ]);
    const root = await popup.waitForSelector('[data-app-section="Form_Content"] .fx-compose', { state: 'attached' });
    await popup.bringToFront();
    const ax = await Ax.attach(popup);
    return { popup, ax, compose: new OutlookCompose(popup, ax, root) };
  }
}

/** A compose (new mail, reply or pop-out): `new OutlookCompose(page, ax, root)`. */
export class OutlookCompose extends ComposePage {
  id(): Promise<string> {
    return this.root.evaluate((n) => (n as Element).getAttribute('data-fixture-id') ?? '');
  }

  /** A real mouse click at the element's centre (no actionability checks: our dialog may cover it). */
  async click(selector: string): Promise<void> {
    const el = await this.find(selector);
    // Composes stack up in the reading pane: bring this one's control on screen first.
    await el.scrollIntoViewIfNeeded();
    await clickCentre(this.page, el, selector);
  }

  async addRecipient(address: string, well: 'To' | 'Cc' | 'Bcc' = 'To'): Promise<void> {
    if (well !== 'To') await this.click(`.fx-show-${well.toLowerCase()}`);
    await this.commitRecipient(
      address,
      async () => {
        await this.click(`[contenteditable=true][aria-label="${well}"]`);
        await this.page.keyboard.press('End');
      },
      `[aria-label="${well}"] [title="${address}"]`,
    );
  }

  async typeSubject(text: string): Promise<void> {
    await this.click('input[aria-label="Add a subject"]');
    await this.page.keyboard.type(text);
  }

  protected override async focusBodyEnd(): Promise<void> {
    await this.click('[aria-label="Message body"]');
    await this.page.keyboard.press('Control+End');
  }

  /** Text dropped on the body (a DataTransfer drop; the editor inserts it). */
  async dropBody(text: string): Promise<void> {
    await dropText(await this.find('[aria-label="Message body"]'), text);
  }

  async bodyText(): Promise<string> {
    return (await this.find('[aria-label="Message body"]')).evaluate((n) => (n as HTMLElement).innerText);
  }

  clickSend(): Promise<void> {
    return this.click('button[aria-label="Send"]');
  }

  /** The arrow of the Send split button (unless its menu is still open), then "Schedule send" in the menu portalled to the body. */
  async scheduleSend(): Promise<void> {
    const arrow = await this.find('.fui-SplitButton__menuButton[aria-haspopup]');
    if ((await arrow.getAttribute('aria-expanded')) !== 'true')
      await this.click('.fui-SplitButton__menuButton[aria-haspopup]');
    const item = this.page
      .locator('[role=menu] [role=menuitem]', { hasText: 'Schedule send' })
      .filter({ visible: true });
    await item.waitFor();
    const box = await item.boundingBox();
    if (!box) throw new Error('The "Schedule send" menu item has no box');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
}
