import { describe, expect, it } from 'vitest';
import type { SiteId } from '../../../lib/policy/types';
import { ACME_TEXT, CLIENT_AUTHORISED } from '../gmail/steps';
import { readRecords, waitForNewRecords, type Harness } from '../harness/index';
import { BASE_SETTINGS, e2eSuite } from '../harness/suite';
import { ChatGate } from './chat-gate';
import { ChatPage, type ChatSelectors, type Composer } from './chat-page';

/*
 * The issue-5 proof every chat site must pass, on its fixture at its real host: notices by
 * audience for typed, pasted, dropped text and file names; Enter and Send gated; Go back posts
 * nothing; Post anyway posts once and logs once; Shift+Enter and @-mention picks are no send.
 */
export interface ChatSuiteSite {
  name: string;
  site: SiteId;
  url: string;
  sel: ChatSelectors;
  /** The surface kind logged for the main composer. */
  kind: string;
  /** Opens a conversation within the firm / with outsiders (a click in the fixture's list). */
  internal: string;
  external: string;
  fileInput: string;
}

/** The file's harness, for a site's own further tests; `chat()` is the page each test opened. */
export type ChatSuiteHandle = (() => Harness) & { chat(): ChatPage };

/** Runs the suite; returns the file's harness and the current test's page. */
export function chatSuite(s: ChatSuiteSite): ChatSuiteHandle {
  let chat: ChatPage;
  const harness = e2eSuite({
    settings: BASE_SETTINGS,
    open: async (h) => (chat = await ChatPage.open(h, s.url, s.sel)),
    close: () => chat?.close(),
  });

  async function open(selector: string): Promise<Composer> {
    const before = await chat.page.$(s.sel.editor);
    await chat.page.locator(selector).click();
    // The composer re-mounts on a switch: wait for the new editor.
    await chat.page.waitForFunction(([sel, old]) => document.querySelector(sel) !== old, [
      s.sel.editor,
      before,
    ] as const);
    return chat.composer();
  }

  async function warned(): Promise<Composer> {
    const composer = await open(s.external);
    await composer.type(ACME_TEXT);
    await composer.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', '12345-0001'] });
    return composer;
  }

  describe(`${s.name}: notices follow the conversation's audience`, () => {
    it('within the firm a notice, with outsiders a warning', async () => {
      const internal = await open(s.internal);
      await internal.type(ACME_TEXT);
      await internal.expectNotice({ level: 'Notice', mentions: ['Acme Holdings Ltd'] });
      await warned();
    });

    it('catches a pasted identifier, a dropped one and a file name', async () => {
      const composer = await open(s.external);
      await composer.paste('See matter 12345 0001 for the figures.');
      await composer.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', /12345.0001/] });
      const dropped = await open(s.internal).then(() => open(s.external));
      await dropped.dropText('Project Falcon closes next week.');
      await dropped.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });
      const filed = await open(s.internal).then(() => open(s.external));
      await chat.page
        .locator(s.fileInput)
        .setInputFiles({ name: 'Draft SPA 12345-0001.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
      await filed.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });
    });
  });

  describe(`${s.name}: the send gate`, () => {
    it('gates Enter: Go back posts nothing; Post anyway posts once and logs once', async () => {
      const before = (await readRecords(harness.worker)).length;
      const composer = await warned();
      await composer.pressEnter();
      const gate = await ChatGate.waitFor(chat.ax);
      expect(gate.text).toContain('Acme Holdings Ltd');
      await gate.goBack();
      await chat.expectNothingSent();
      expect(await composer.text()).toContain('12345-0001');
      await composer.pressEnter();
      await (await ChatGate.waitFor(chat.ax)).postAnyway({ reason: CLIENT_AUTHORISED });
      expect((await chat.expectSentOnce()).text).toContain('12345-0001');
      const records = await waitForNewRecords(harness.worker, before, 2);
      expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
        [s.site, s.kind, 'went-back', 'warn'],
        [s.site, s.kind, 'override', 'warn'],
      ]);
    });

    it('gates the Send button', async () => {
      const composer = await warned();
      await composer.clickSend();
      const gate = await ChatGate.waitFor(chat.ax);
      await chat.expectNothingSent();
      await gate.postAnyway({ reason: CLIENT_AUTHORISED });
      expect(await chat.expectSentOnce()).toMatchObject({ via: 'button' });
    });

    it('Shift+Enter and Enter picking an @-mention are no send; the Enter after is', async () => {
      const composer = await warned();
      await composer.pressEnter('Shift+');
      await composer.type(' ask @');
      await chat.page.keyboard.press('Enter');
      await chat.expectNothingSent();
      expect(await ChatGate.isOpen(chat.ax)).toBe(false);
      expect(await composer.text()).toContain('Mira Okafor');
      await chat.page.keyboard.press('Enter');
      await (await ChatGate.waitFor(chat.ax)).goBack();
      await chat.expectNothingSent();
    });
  });
  return Object.assign(() => harness, { chat: () => chat });
}
