import type { ElementHandle, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Ax } from '../harness/ax';
import { clickCentre, dropText, pasteText } from '../harness/compose-page';
import { FixturePage } from '../harness/fixture-page';
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

export class ChatPage extends FixturePage<ChatPost> {
  private constructor(
    page: Page,
    ax: Ax,
    readonly sel: ChatSelectors,
  ) {
    super(page, ax);
  }

  static async open(harness: Harness, url: string, sel: ChatSelectors): Promise<ChatPage> {
    const { page, ax } = await FixturePage.openTab(harness, url);
    return new ChatPage(page, ax, sel);
  }

  async expectNothingSent(): Promise<void> {
    await pause(400);
    expect(await this.sent()).toEqual([]);
  }

  async expectSentOnce(): Promise<ChatPost> {
    await waitUntil(
      async () => (await this.sent()).length > 0,
      'the page to post',
      () => 'nothing posted',
    );
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
    await clickCentre(this.page, this.editor, 'The editor');
    await this.page.keyboard.press('Control+End');
  }

  async type(text: string): Promise<void> {
    await this.focusEnd();
    await this.page.keyboard.type(text);
  }

  async paste(text: string): Promise<void> {
    await this.focusEnd();
    await pasteText(this.page, text);
  }

  /** Text dropped on the composer (a DataTransfer drop; the page inserts it, as editors do). */
  async dropText(text: string): Promise<void> {
    await dropText(this.editor, text);
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
    if (!button) throw new Error(`No ${selector} near the composer`);
    await clickCentre(this.page, button, selector);
  }

  text(): Promise<string> {
    return this.editor.evaluate((el) => (el as HTMLElement).innerText.trim());
  }
}
