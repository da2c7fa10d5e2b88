import type { ElementHandle, Page } from 'playwright-core';
import type { Ax } from './ax';
import { waitForNotice, type NoticeExpectation } from './matterguard-ui';
import { waitUntil } from './wait';

/*
 * What the webmail page objects (gmail/gmail-page.ts, outlook/outlook-page.ts) share: a compose
 * window found by its root element, driven with trusted input only. Each site says how its
 * body is focused and where its recipient fields are; typing, pasting, the send shortcut and
 * telling which notice belongs to the compose are the same on both.
 */

/** A real mouse click at the element's centre, without Playwright's actionability checks. */
export async function clickCentre(page: Page, element: ElementHandle, what = 'The element to click'): Promise<void> {
  const box = await element.boundingBox();
  if (!box) throw new Error(`${what} has no box (hidden?)`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * A real paste into what has focus: the text goes on the clipboard and Ctrl+V pastes it, so the
 * page sees a trusted `paste` then `beforeinput`/`input` with inputType insertFromPaste
 * (verified in headless Chromium 156). The page needs clipboard permission (openFixturePage).
 */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** Text dropped on `element` (a DataTransfer drop; the page inserts it, as editors do). */
export async function dropText(element: ElementHandle, text: string): Promise<void> {
  await element.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
  }, text);
}

/** What a webmail fixture records for each send it performs (window.__fixture.sent). */
export interface SentMail {
  composeId: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  via: 'button' | 'shortcut' | 'schedule';
  trusted: boolean;
}

export abstract class ComposePage {
  constructor(
    readonly page: Page,
    readonly ax: Ax,
    readonly root: ElementHandle,
  ) {}

  /** Puts the caret at the end of the message body, as a user clicking into it would. */
  protected abstract focusBodyEnd(): Promise<void>;

  protected async find(selector: string): Promise<ElementHandle> {
    const el = await this.root.waitForSelector(selector, { state: 'attached', timeout: 5_000 });
    if (!el) throw new Error(`No ${selector} in the compose`);
    return el;
  }

  /** Centre of the compose, to tell which notice belongs to it. */
  async centre(): Promise<{ x: number; y: number } | null> {
    const box = await this.root.boundingBox();
    return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Waits for this compose's notice to say what `expected` says; returns its text. */
  expectNotice(expected: NoticeExpectation): Promise<string> {
    return waitForNotice(this.ax, () => this.centre(), expected);
  }

  isOpen(): Promise<boolean> {
    return this.root.evaluate((n) => n.isConnected);
  }

  /**
   * Focuses a recipient field (`focus`), types `address` and commits it to a chip with Enter,
   * as a user does; done when `chip` shows in the compose.
   */
  protected async commitRecipient(address: string, focus: () => Promise<void>, chip: string): Promise<void> {
    await focus();
    await this.page.keyboard.type(address);
    await this.page.keyboard.press('Enter');
    await this.find(chip);
  }

  /** Key by key, like a person. */
  async typeBody(text: string): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.type(text);
  }

  /** A real paste at the end of the body (see pasteText). */
  async pasteBody(text: string): Promise<void> {
    await this.focusBodyEnd();
    await pasteText(this.page, text);
  }

  async pressSendShortcut(): Promise<void> {
    await this.focusBodyEnd();
    await this.page.keyboard.press('Control+Enter');
  }

  /** Waits for the page to close this compose, as it does after sending (a closed pop-out counts). */
  async waitClosed(): Promise<void> {
    await waitUntil(
      async () => !(await this.isOpen().catch(() => false)),
      'the compose to close',
      () => 'it is still in the page',
    );
  }
}
