import { describe, expect, it } from 'vitest';
import { ChatGate } from './chat/chat-gate';
import { ChatPage } from './chat/chat-page';
import { ACME_TEXT, CLIENT_AUTHORISED } from './gmail/steps';
import { readRecords, waitForNewRecords } from './harness/index';
import { BASE_SETTINGS, e2eSuite } from './harness/suite';
import { pause } from './harness/wait';

/*
 * Issue 5, Slack: the built extension in real Chromium on the Slack fixture served at
 * app.slack.com. #falcon-deal is a workspace channel (internal), #acme-shared a Slack Connect
 * channel (external). Demo watchlist: Acme Holdings Ltd, matter 12345-0001, alias Project Falcon.
 */

const SEL = { editor: '.p-message_pane_input .ql-editor', send: 'button[data-qa="texty_send_button"]' };

let slack: ChatPage;
const harness = e2eSuite({
  settings: BASE_SETTINGS,
  open: async (h) => (slack = await ChatPage.open(h, 'https://app.slack.com/', SEL)),
  close: () => slack?.close(),
});

async function openChannel(name: string) {
  await slack.page.locator(`.p-channel_sidebar__channel[data-channel="${name}"]`).click();
  await slack.page.waitForSelector(`[data-qa="channel_header"]:has-text("${name}")`);
  return slack.composer();
}

/** In #acme-shared: posts "Morning all" (sent once), then opens its thread; returns both composers. */
async function postedAndThreadOpen() {
  await openChannel('acme-shared');
  const main = await slack.composer();
  await main.type('Morning all');
  await main.pressEnter();
  await slack.expectSentOnce();
  // Slack: the message's hover "Reply in thread", then the thread flexpane's Quill editor.
  await slack.page.locator('button[aria-label="Reply in thread"]').first().click();
  const thread = await slack.composer('[data-qa="threads_flexpane"] .ql-editor');
  return { main, thread };
}

async function externalWarned() {
  const composer = await openChannel('acme-shared');
  await composer.type(ACME_TEXT);
  await composer.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', '12345-0001'] });
  return composer;
}

describe('Slack: notices follow the channel audience', () => {
  it('a workspace channel gets a notice, a Slack Connect channel a warning', async () => {
    const internal = await slack.composer();
    await internal.type(ACME_TEXT);
    await internal.expectNotice({ level: 'Notice', mentions: ['Acme Holdings Ltd'] });
    await externalWarned();
  });

  it('catches a pasted and a dropped identifier', async () => {
    const composer = await openChannel('acme-shared');
    await composer.paste('See matter 12345 0001 for the figures.');
    await composer.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', /12345.0001/] });
    await openChannel('random');
    const other = await openChannel('acme-shared');
    await other.dropText('Project Falcon closes next week.');
    await other.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });
  });

  it('checks the name of a file chosen for upload', async () => {
    const composer = await openChannel('acme-shared');
    await slack.page
      .locator('.p-message_pane_input input[type=file]')
      .setInputFiles({ name: 'Draft SPA 12345-0001.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
    await composer.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });
  });
});

describe('Slack: the send gate', () => {
  it('gates Enter: Go back posts nothing; Post anyway posts once and logs once', async () => {
    const before = (await readRecords(harness.worker)).length;
    const composer = await externalWarned();
    await composer.pressEnter();
    const gate = await ChatGate.waitFor(slack.ax);
    expect(gate.text).toContain('Acme Holdings Ltd');
    await gate.goBack();
    await slack.expectNothingSent();
    expect(await composer.text()).toContain('12345-0001');

    await composer.pressEnter();
    await (await ChatGate.waitFor(slack.ax)).postAnyway({ reason: CLIENT_AUTHORISED });
    const post = await slack.expectSentOnce();
    expect(post).toMatchObject({ kind: 'channel', channel: 'acme-shared' });
    expect(post.text).toContain('12345-0001');
    const records = await waitForNewRecords(harness.worker, before, 2);
    expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
      ['slack', 'channel', 'went-back', 'warn'],
      ['slack', 'channel', 'override', 'warn'],
    ]);
  });

  it('gates the Send button; Shift+Enter is a new line, not a send', async () => {
    const composer = await externalWarned();
    await composer.pressEnter('Shift+');
    await slack.expectNothingSent();
    expect(await ChatGate.isOpen(slack.ax)).toBe(false);
    await composer.clickSend();
    const gate = await ChatGate.waitFor(slack.ax);
    await slack.expectNothingSent();
    await gate.postAnyway({ reason: CLIENT_AUTHORISED });
    expect(await slack.expectSentOnce()).toMatchObject({ via: 'button' });
  });

  it('lets a notice-level post in a workspace channel go at once', async () => {
    const composer = await slack.composer();
    await composer.type(ACME_TEXT);
    await composer.expectNotice({ level: 'Notice', mentions: ['Acme Holdings Ltd'] });
    await composer.pressEnter();
    expect(await slack.expectSentOnce()).toMatchObject({ kind: 'channel', via: 'enter', trusted: true });
    expect(await ChatGate.isOpen(slack.ax)).toBe(false);
  });

  it("an @-mention list open in the thread does not let the channel composer's Enter through", async () => {
    const { main, thread } = await postedAndThreadOpen();
    await thread.type('Loop in @');
    await slack.page.waitForSelector('[data-qa="threads_flexpane"] .c-texty_autocomplete');
    await main.type(ACME_TEXT);
    await main.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });
    await main.pressEnter();
    await (await ChatGate.waitFor(slack.ax)).goBack();
    await pause(400);
    expect((await slack.sent()).map((p) => p.text)).toEqual(['Morning all']);
  });

  it('gates a thread reply and an edit, each on its own', async () => {
    const { thread } = await postedAndThreadOpen();
    await thread.type('Project Falcon signing moved.');
    await thread.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });
    await thread.pressEnter();
    await (await ChatGate.waitFor(slack.ax)).goBack();

    await slack.page.locator('button[aria-label="Edit message"]').first().click();
    const edit = await slack.composer('[data-qa="message_editor"] .ql-editor');
    await edit.type(' re 12345-0001');
    await edit.expectNotice({ level: 'Warning', mentions: ['12345-0001'] });
    await edit.pressEnter();
    await (await ChatGate.waitFor(slack.ax)).postAnyway({ reason: CLIENT_AUTHORISED });
    const sent = await slack.sent();
    expect(sent.map((p) => p.kind)).toEqual(['channel', 'edit']);
    expect((await readRecords(harness.worker)).slice(-2).map((r) => [r.surface, r.action])).toEqual([
      ['thread', 'went-back'],
      ['edit', 'override'],
    ]);
  });
});
