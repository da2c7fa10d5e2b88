import { describe, expect, it } from 'vitest';
import { ChatGate } from './chat/chat-gate';
import type { ChatPage, Composer } from './chat/chat-page';
import { chatSuite } from './chat/chat-suite';
import { ACME_TEXT, CLIENT_AUTHORISED } from './gmail/steps';
import { readRecords, waitForNewRecords } from './harness/index';
import { liveNotices, noticeText } from './harness/matterguard-ui';
import { pause } from './harness/wait';

/* Issue 5, Microsoft Teams: the fixture served at teams.microsoft.com/v2/ (tests/fixtures/teams). */
const suite = chatSuite({
  name: 'Teams',
  site: 'teams',
  url: 'https://teams.microsoft.com/v2/',
  sel: { editor: '[data-tid="message-pane-footer"] [data-tid="ckeditor"]', send: 'button[data-tid$="Commands-send"]' },
  kind: 'chat',
  internal: '[data-tid="chat-list"] [data-chat="mira"]',
  external: '[data-tid="chat-list"] [data-chat="dana"]',
  fileInput: '[data-tid="message-pane-footer"] input[type=file]',
});

/*
 * Editing a sent message (Teams v2): hover one of your messages, "More options", "Edit"; the
 * body becomes a CKEditor composer whose Done or Enter saves the edit. The Dana Whitcombe chat
 * is federated (external) and starts with one message of yours.
 */
/** Teams v2: your own messages (Fluent's ChatMyMessage), each a chat-pane-message. */
const MINE = '.fui-ChatMyMessage [data-tid="chat-pane-message"]';
/** Teams v2: the edit composer's CKEditor, inside the message being edited. */
const EDIT_EDITOR = `${MINE} [data-tid="ckeditor"][contenteditable=true][role=textbox]`;
/** Teams v2: the edit's Done button (newMessageCommands-send with name=done, docs/sites.md#teams-composer-and-send). */
const DONE = 'button[data-tid="newMessageCommands-send"][name="done"]';
const MY_MESSAGE = 'Morning Dana, thanks for the call.';

async function openDana(teams: ChatPage): Promise<void> {
  // Teams v2 chat list (fixture's treeitem), then the chat header's "External" label [guess].
  await teams.page.locator('[data-tid="chat-list"] [data-chat="dana"]').click();
  await teams.page.waitForSelector('[data-tid="chat-header"] [data-tid="external-label"]');
}

/** Opens the edit composer on your message that says `text`, as a user does: hover, More options, Edit. */
async function editMessage(teams: ChatPage, text: string): Promise<Composer> {
  await teams.page.locator(MINE).filter({ hasText: text }).hover();
  // Teams v2: the hover actions bar is a portal on the body; its "More options" opens a menu.
  await teams.page.locator('[data-tid="message-actions-container"] button[data-tid="message-actions-more"]').click();
  // Teams v2: the menu's "Edit" item.
  await teams.page.locator('[role=menu] [role=menuitem][data-tid="message-actions-edit"]').click();
  return teams.composer(EDIT_EDITOR);
}

/** What the message shows in the list (its body, not the edit composer). */
function shownText(teams: ChatPage, text: string): Promise<string> {
  // Teams v2: a message's rendered body.
  return teams.page.locator(MINE).filter({ hasText: text }).locator('[data-tid="messageBodyContent"]').innerText();
}

describe('Teams: editing a sent message', () => {
  it('an identifier added in an edit shows its notice on the edit composer; Done is gated and Go back keeps the edit open', async () => {
    const teams = suite.chat();
    const before = (await readRecords(suite().worker)).length;
    await openDana(teams);
    const edit = await editMessage(teams, MY_MESSAGE);
    await edit.type(' Re Acme Holdings, matter 12345-0001.');
    await edit.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', '12345-0001'] });
    // The one speaking notice is the edit composer's: it sits by the edit, not by the main composer.
    const notices = await liveNotices(teams.ax);
    expect(notices).toHaveLength(1);
    const at = await teams.ax.centre(notices[0]!);
    const editAt = (await edit.centre())!;
    const mainAt = (await (await teams.composer()).centre())!;
    expect(Math.hypot(at.x - editAt.x, at.y - editAt.y)).toBeLessThan(Math.hypot(at.x - mainAt.x, at.y - mainAt.y));

    await edit.clickSend(DONE);
    const gate = await ChatGate.waitFor(teams.ax);
    expect(gate.text).toContain('12345-0001');
    await gate.goBack();
    await teams.expectNothingSent();
    expect(await edit.editor.evaluate((el) => el.isConnected)).toBe(true);
    expect(await edit.text()).toContain('12345-0001');
    expect(await shownText(teams, MY_MESSAGE)).toBe(MY_MESSAGE);
    const records = await waitForNewRecords(suite().worker, before, 1);
    expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
      ['teams', 'edit', 'went-back', 'warn'],
    ]);

    // Cancel is no send: the edit is dropped, the message keeps its text, nothing more is logged.
    // Teams v2: the edit's Cancel (newMessageCommands-discard-draft).
    await teams.page.locator(`${MINE} button[data-tid="newMessageCommands-discard-draft"]`).click();
    await teams.page.waitForSelector(EDIT_EDITOR, { state: 'detached' });
    await teams.expectNothingSent();
    expect(await ChatGate.isOpen(teams.ax)).toBe(false);
    expect(await shownText(teams, MY_MESSAGE)).toBe(MY_MESSAGE);
    expect(await readRecords(suite().worker)).toHaveLength(before + 1);
  });

  it('Enter in the edit composer is gated; Post anyway saves the edit once and logs one record as an edit', async () => {
    const teams = suite.chat();
    const before = (await readRecords(suite().worker)).length;
    await openDana(teams);
    const edit = await editMessage(teams, MY_MESSAGE);
    await edit.type(' Re matter 12345-0001.');
    await edit.expectNotice({ level: 'Warning', mentions: ['12345-0001'] });
    await edit.pressEnter();
    const gate = await ChatGate.waitFor(teams.ax);
    await teams.expectNothingSent();
    await gate.postAnyway({ reason: CLIENT_AUTHORISED });
    const saved = await teams.expectSentOnce();
    expect(saved).toMatchObject({ kind: 'edit', chat: 'dana', text: `${MY_MESSAGE} Re matter 12345-0001.` });
    expect(await shownText(teams, MY_MESSAGE)).toBe(`${MY_MESSAGE} Re matter 12345-0001.`);
    expect(await teams.page.$(EDIT_EDITOR)).toBeNull();
    await pause(400);
    const records = (await readRecords(suite().worker)).slice(before);
    expect(records.map((r) => [r.site, r.surface, r.action, r.level, r.reasonCode !== ''])).toEqual([
      ['teams', 'edit', 'override', 'warn', true],
    ]);
  });

  it("the main composer's warned draft does not leak into a clean edit: the edit saves at once, the draft stays gated", async () => {
    const teams = suite.chat();
    const before = (await readRecords(suite().worker)).length;
    await openDana(teams);
    const main = await teams.composer();
    await main.type(ACME_TEXT);
    await main.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });

    const edit = await editMessage(teams, MY_MESSAGE);
    await edit.type(' See you at 10.');
    await pause(600);
    // Still one speaking notice, the main composer's.
    expect((await liveNotices(teams.ax)).map(noticeText)).toEqual([expect.stringContaining('Acme Holdings Ltd')]);
    await edit.pressEnter();
    expect(await teams.expectSentOnce()).toMatchObject({
      kind: 'edit',
      via: 'enter',
      trusted: true,
      text: `${MY_MESSAGE} See you at 10.`,
    });
    expect(await ChatGate.isOpen(teams.ax)).toBe(false);
    expect(await readRecords(suite().worker)).toHaveLength(before);

    await main.pressEnter();
    await (await ChatGate.waitFor(teams.ax)).goBack();
    await pause(400);
    expect(await teams.sent()).toHaveLength(1);
    expect(await main.text()).toContain('12345-0001');
    const records = await waitForNewRecords(suite().worker, before, 1);
    expect(records.map((r) => [r.surface, r.action])).toEqual([['chat', 'went-back']]);
  });

  it("an edit's warning does not leak into the main composer: a clean post goes at once, the edit stays gated", async () => {
    const teams = suite.chat();
    const before = (await readRecords(suite().worker)).length;
    await openDana(teams);
    const edit = await editMessage(teams, MY_MESSAGE);
    await edit.type(' Re Project Falcon.');
    await edit.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd'] });

    const main = await teams.composer();
    await main.type('Running five minutes late.');
    await main.pressEnter();
    expect(await teams.expectSentOnce()).toMatchObject({
      kind: 'chat',
      via: 'enter',
      text: 'Running five minutes late.',
    });
    expect(await ChatGate.isOpen(teams.ax)).toBe(false);

    await edit.clickSend(DONE);
    await (await ChatGate.waitFor(teams.ax)).goBack();
    await pause(400);
    expect((await teams.sent()).map((p) => p.kind)).toEqual(['chat']);
    expect(await edit.text()).toContain('Project Falcon');
    const records = await waitForNewRecords(suite().worker, before, 1);
    expect(records.map((r) => [r.surface, r.action])).toEqual([['edit', 'went-back']]);
  });
});
