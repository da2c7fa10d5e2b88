import type { ElementHandle, Page } from 'playwright-core';
import { expect } from 'vitest';
import { Ax } from '../harness/ax';
import type { Harness } from '../harness/index';
import { pause, waitUntil } from '../harness/wait';
import { waitForNotice, type NoticeExpectation } from '../harness/matterguard-ui';

/*
 * Drives a chat fixture (Slack, Teams, Google Chat) with trusted input. Each fixture records
 * its posts in window.__fixture.sent; the site's selectors come in as `ChatSelectors`.
 */

export interface ChatPost {
  kind: string;
  text: string;
  files: string[];
  via: 'enter' | 'button';
  trusted: boolean;
}

export interface ChatSelectors {
  /** The main composer's editor. */
  editor: string;
  send: string;
}

interface FixtureWindow {
  __fixture?: { sent: ChatPost[] };
}

export class ChatPage {
  private constructor(
    readonly page: Page,
    readonly ax: Ax,
    readonly sel: ChatSelectors,
  ) {}

  static async open(harness: Harness, url: string, sel: ChatSelectors): Promise<ChatPage> {
    const page = await harness.open(url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.bringToFront();
    await waitUntil(
      () => page.evaluate(() => Array.isArray((window as FixtureWindow).__fixture?.sent)),
      `the fixture at ${url} to be ready`,
      () => `no window.__fixture.sent in ${page.url()}`,
    );
    return new ChatPage(page, await Ax.attach(page), sel);
  }

  sent(): Promise<ChatPost[]> {
    return this.page.evaluate(() => (window as FixtureWindow).__fixture?.sent ?? []);
  }

  async expectNothingSent(): Promise<void> {
    await pause(400);
    expect(await this.sent()).toEqual([]);
  }

  async expectSentOnce(): Promise<ChatPost> {
    await waitUntil(async () => (await this.sent()).length > 0, 'the page to post', () => 'nothing posted');
    await pause(600);
    const sent = await this.sent();
    expect(sent).toHaveLength(1);
    return sent[0]!;
  }

  /** The composer whose editor matches `editor` (the main one by default). */
  async composer(editor = this.sel.editor): Promise<Composer> {
    const handle = await this.page.waitForSelector(editor, { state: 'attached' });
    return new Composer(this, handle);
  }

  async close(): Promise<void> {
    await this.ax.detach();
    await this.page.close();
  }
}

export class Composer {
  constructor(
    readonly chat: ChatPage,
    readonly editor: ElementHandle,
  ) {}

  private get page(): Page {
    return this.chat.page;
  }

  async centre(): Promise<{ x: number; y: number } | null> {
    const box = await this.editor.boundingBox();
    return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  expectNotice(expected: NoticeExpectation): Promise<string> {
    return waitForNotice(this.chat.ax, () => this.centre(), expected);
  }

  async focusEnd(): Promise<void> {
    const box = await this.editor.boundingBox();
    if (!box) throw new Error('The editor has no box');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.keyboard.press('Control+End');
  }

  async type(text: string): Promise<void> {
    await this.focusEnd();
    await this.page.keyboard.type(text);
  }

  async paste(text: string): Promise<void> {
    await this.focusEnd();
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('Control+V');
  }

  /** Text dropped on the composer (a DataTransfer drop; the page inserts it, as editors do). */
  async dropText(text: string): Promise<void> {
    await this.editor.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
    }, text);
  }

  async pressEnter(modifiers = ''): Promise<void> {
    await this.focusEnd();
    await this.page.keyboard.press(`${modifiers}Enter`);
  }

  /** A real click at the centre of this composer's Send button (no actionability checks). */
  async clickSend(selector = this.chat.sel.send): Promise<void> {
    const root = await this.editor.evaluateHandle((el, s) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const b = a.querySelector(s);
        if (b) return b;
      }
      return null;
    }, selector);
    const button = root.asElement();
    const box = button && (await button.boundingBox());
    if (!box) throw new Error(`No visible ${selector} near the composer`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  text(): Promise<string> {
    return this.editor.evaluate((el) => (el as HTMLElement).innerText.trim());
  }
}
