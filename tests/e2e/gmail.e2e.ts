import { describe, expect, it } from 'vitest';
import type { Policy } from '../../lib/policy/types';
import { GmailPage } from './gmail/gmail-page';
import {
  ACME_TEXT,
  CLIENT,
  CLIENT_AUTHORISED,
  OTHER_CLIENT,
  OUTSIDER,
  expectNothingSent,
  expectNotice,
  pageScriptTriesToSend,
  expectSentOnce,
  gateSeenBeforeSend,
  waitForSend,
  warnCompose,
} from './gmail/steps';
import { findInExtensionStorage, readRecords, setSettings, waitForNewRecords } from './harness/index';
import { GateDialog, waitForNoNotice } from './harness/matterguard-ui';
import { BASE_SETTINGS, e2eSuite } from './harness/suite';

/*
 * Issue 2 end to end: the built extension in real Chromium on the Gmail fixture served at
 * mail.google.com, with the demo watchlist (see gmail/steps.ts; Globex Corporation, alias
 * "Project Nightjar", has severity block).
 */

let gmail: GmailPage;
const harness = e2eSuite({
  settings: BASE_SETTINGS,
  open: async (h) => (gmail = await GmailPage.open(h)),
  close: () => gmail?.close(),
});

/** New settings, then a fresh Gmail tab, so the test does not depend on live reconfiguration. */
async function reopenWith(settings: Partial<Policy>): Promise<void> {
  await setSettings(harness.worker, settings);
  await gmail.close();
  gmail = await GmailPage.open(harness);
}

describe('inline notice', () => {
  it('follows the recipients: notice for the client, warning for gmail.com, critical for another client', async () => {
    const compose = await gmail.compose();
    await compose.addRecipient(CLIENT);
    await compose.typeBody(ACME_TEXT);
    await expectNotice(compose, { level: 'Notice', mentions: ['Acme Holdings Ltd', '12345-0001'] });

    await compose.addRecipient(OUTSIDER);
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });

    await compose.removeRecipient(OUTSIDER);
    await compose.addRecipient(OTHER_CLIENT);
    await expectNotice(compose, { level: 'Critical', mentions: ['Acme Holdings Ltd', 'beta.example'] });

    await compose.clearBody();
    await waitForNoNotice(gmail.ax);
  });

  it('catches a typed matter number', async () => {
    const compose = await gmail.compose();
    await compose.addRecipient(OUTSIDER);
    await compose.typeBody('Re 12345-0001: draft attached');
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', '12345-0001'] });
  });

  it('catches a matter number pasted from the clipboard', async () => {
    const compose = await gmail.compose();
    await compose.addRecipient(OUTSIDER);
    await compose.pasteBody('See matter 12345 0001 for the figures.');
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', /12345.0001/] });
  });

  it('catches a code name inside one long insertion of about 50 KB', async () => {
    const compose = await gmail.compose();
    await compose.addRecipient(OUTSIDER);
    const filler = 'The parties agree the schedule below. '.repeat(650);
    await compose.insertBody(`${filler}Project Falcon closes next week. ${filler}`);
    expect((await compose.bodyText()).length).toBeGreaterThan(2 * filler.length);
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd'] });
  });

  it('catches the client in the subject line', async () => {
    const compose = await gmail.compose();
    await compose.addRecipient(OUTSIDER);
    await compose.typeSubject('Project Falcon: next steps');
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
  });
});

describe('the send gate', () => {
  it('Go back (and Esc) sends nothing, keeps the draft and logs went-back', async () => {
    const before = (await readRecords(harness.worker)).length;
    const compose = await warnCompose(gmail);

    await compose.clickSend();
    const gate = await GateDialog.waitFor(gmail.ax);
    expect(gate.text).toContain('Acme Holdings Ltd');
    expect(await gate.goBackIsFocused()).toBe(true);
    await gate.expectSendAnyway(false);
    await gate.goBack();
    await expectNothingSent(gmail);

    await compose.clickSend();
    await GateDialog.waitFor(gmail.ax);
    await gmail.page.keyboard.press('Escape');
    await gmail.ax.waitForGone({ role: 'alertdialog' });
    await expectNothingSent(gmail);

    expect(await compose.isOpen()).toBe(true);
    expect(await compose.bodyText()).toContain('12345-0001');
    const records = await waitForNewRecords(harness.worker, before, 2);
    expect(records.map((r) => [r.action, r.level])).toEqual([
      ['went-back', 'warn'],
      ['went-back', 'warn'],
    ]);
  });

  it('Send anyway needs a reason, the acknowledgement and, for "Other", details; then sends once and closes', async () => {
    const before = (await readRecords(harness.worker)).length;
    const compose = await warnCompose(gmail);
    await compose.clickSend();
    const gate = await GateDialog.waitFor(gmail.ax);

    await gate.chooseReason(CLIENT_AUTHORISED);
    await gate.expectSendAnyway(false); // not acknowledged yet
    await gate.acknowledge();
    await gate.expectSendAnyway(true);
    await gate.chooseReason(/^Other/);
    await gate.expectSendAnyway(false); // "Other" needs details
    await gate.sendAnyway({ reason: /^Other/, details: 'Counsel at gmail.com is instructed by the client' });

    await waitForSend(gmail);
    // Recorded before the send was released: the record is there as soon as the send is.
    const records = (await readRecords(harness.worker)).slice(before);
    await expectSentOnce(gmail, 'button');
    expect(records.map((r) => r.action)).toEqual(['override']);
    expect(records[0]!.reasonCode).toBe('other');
    await compose.waitClosed();
    const sent = (await gmail.sent())[0]!;
    expect(sent.to).toEqual([OUTSIDER]);
    expect(sent.body).toContain('12345-0001');
  });

  it('guards an inline reply: critical when another client is copied, and Go back keeps it', async () => {
    const reply = await gmail.reply();
    await reply.addRecipient(OTHER_CLIENT);
    await reply.typeBody('The revised Project Falcon timetable is attached.');
    await expectNotice(reply, { level: 'Critical', mentions: ['Acme Holdings Ltd', 'beta.example'] });
    await reply.clickSend();
    const gate = await GateDialog.waitFor(gmail.ax);
    await gate.goBack();
    await expectNothingSent(gmail);
    expect(await reply.isOpen()).toBe(true);
    const records = await readRecords(harness.worker);
    expect(records.at(-1)).toMatchObject({ site: 'gmail', surface: 'reply', action: 'went-back', level: 'critical' });
  });

  it('guards the pop-out compose window and sends it once after Send anyway', async () => {
    await gmail.close();
    gmail = await GmailPage.open(harness, `https://mail.google.com/mail/?view=cm&fs=1&to=${OUTSIDER}&su=Update`);
    const popout = await gmail.popout();
    await popout.typeBody(ACME_TEXT);
    await expectNotice(popout, { level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
    await popout.clickSend();
    const gate = await GateDialog.waitFor(gmail.ax);
    await expectNothingSent(gmail);
    await gate.sendAnyway({ reason: CLIENT_AUTHORISED });
    const sent = await expectSentOnce(gmail, 'button');
    expect(sent.to).toEqual([OUTSIDER]);
    const records = await readRecords(harness.worker);
    expect(records.at(-1)).toMatchObject({ surface: 'popout', action: 'override' });
  });

  it('gates Ctrl+Enter', async () => {
    const compose = await warnCompose(gmail);
    await compose.pressSendShortcut();
    const gate = await GateDialog.waitFor(gmail.ax);
    await expectNothingSent(gmail);
    await gate.sendAnyway({ reason: CLIENT_AUTHORISED });
    // Released by the shortcut again or by clicking Send (the guard does the latter: Gmail may
    // ignore a synthetic key); either sends now, once. Schedule send must stay a schedule.
    await expectSentOnce(gmail, 'shortcut', 'button');
    await compose.waitClosed();
  });

  it('gates Schedule send', async () => {
    const compose = await warnCompose(gmail);
    await compose.scheduleSend();
    const gate = await GateDialog.waitFor(gmail.ax);
    await expectNothingSent(gmail);
    await gate.sendAnyway({ reason: CLIENT_AUTHORISED });
    await expectSentOnce(gmail, 'schedule');
    await compose.waitClosed();
  });

  it('lets a notice-level message (client recipient only) go without a dialog', async () => {
    const compose = await gmail.compose();
    await compose.addRecipient(CLIENT);
    await compose.typeBody(ACME_TEXT);
    await expectNotice(compose, { level: 'Notice', mentions: ['Acme Holdings Ltd'] });
    await compose.clickSend();
    expect(await gateSeenBeforeSend(gmail)).toBe(false);
    await expectSentOnce(gmail, 'button');
    await compose.waitClosed();
  });

  it('in block mode offers only Go back for a block-severity client', async () => {
    await reopenWith({ ...BASE_SETTINGS, mode: 'block' });
    const before = (await readRecords(harness.worker)).length;
    const compose = await gmail.compose();
    await compose.addRecipient(OUTSIDER);
    await compose.typeBody('Project Nightjar heads of terms attached.');
    await expectNotice(compose, { level: 'Warning', mentions: ['Globex Corporation'] });
    await compose.clickSend();
    const gate = await GateDialog.waitFor(gmail.ax);
    expect(await gate.button('Send anyway')).toBeUndefined();
    expect(gate.text).toMatch(/not allow/i);
    await gate.goBack();
    await expectNothingSent(gmail);
    const records = await waitForNewRecords(harness.worker, before);
    expect(records.map((r) => r.action)).toEqual(['blocked']);
  });
});

describe('isolation and integrity', () => {
  it('keeps two compose windows apart', async () => {
    const acme = await gmail.compose();
    const beta = await gmail.compose();
    await acme.addRecipient(OUTSIDER);
    await acme.typeBody(ACME_TEXT);
    await beta.addRecipient(OTHER_CLIENT);
    await beta.typeBody('Beta Industries board pack attached.');

    const acmeNotice = await expectNotice(acme, { level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
    const betaNotice = await expectNotice(beta, { level: 'Notice', mentions: ['Beta Industries GmbH'] });
    expect(acmeNotice).not.toContain('Beta Industries');
    expect(betaNotice).not.toContain('Acme Holdings');

    // Beta's notice-level message goes straight out; Acme's stays gated.
    await beta.clickSend();
    expect(await gateSeenBeforeSend(gmail)).toBe(false);
    await expectSentOnce(gmail, 'button');
    expect((await gmail.sent())[0]!.to).toEqual([OTHER_CLIENT]);
    await beta.waitClosed();
    expect(await acme.isOpen()).toBe(true);

    await acme.clickSend();
    const gate = await GateDialog.waitFor(gmail.ax);
    expect(gate.text).toContain('Acme Holdings Ltd');
    expect(gate.text).not.toContain('Beta Industries');
    await gate.goBack();
    expect(await gmail.sent()).toHaveLength(1);
  });

  it('ignores what a page script does: synthetic clicks and keys send nothing, the dialog is out of its reach', async () => {
    const compose = await warnCompose(gmail);
    const beforeGate = await pageScriptTriesToSend(gmail);
    await expectNothingSent(gmail);
    expect(beforeGate.dialogs).toBe(0);

    if (!(await GateDialog.isOpen(gmail.ax))) await compose.clickSend();
    await GateDialog.waitFor(gmail.ax);
    const duringGate = await pageScriptTriesToSend(gmail);
    expect(duringGate).toEqual({ reachable: [], dialogs: 0 });
    await expectNothingSent(gmail);
    expect(await GateDialog.isOpen(gmail.ax)).toBe(true);

    await (await GateDialog.waitFor(gmail.ax)).goBack();
    await expectNothingSent(gmail);
    expect(await compose.isOpen()).toBe(true);
  });

  it('logs the override with reason, matches and recipient domains, and stores no body text anywhere', async () => {
    const before = (await readRecords(harness.worker)).length;
    const secret = 'Zanzibar ledger 8814 settlement ceiling';
    const compose = await gmail.compose();
    await compose.addRecipient(CLIENT);
    await compose.addRecipient(OUTSIDER);
    await compose.typeBody(`${ACME_TEXT} ${secret}.`);
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
    await compose.clickSend();
    await (
      await GateDialog.waitFor(gmail.ax)
    ).sendAnyway({ reason: CLIENT_AUTHORISED, details: 'Client consent of 3 May' });
    await expectSentOnce(gmail, 'button');

    const [record, ...more] = (await readRecords(harness.worker)).slice(before);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      site: 'gmail',
      action: 'override',
      level: 'warn',
      reasonCode: 'client-authorised',
      user: 'a.lawyer@harrowvale.example',
      extensionVersion: '0.1.0',
    });
    expect(record!.reason).toContain('Client consent of 3 May');
    expect(record!.surface).not.toBe('');
    expect(record!.watchlistVersion).not.toBe('');
    expect(record!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.matches).toContainEqual(
      expect.objectContaining({
        clientNumber: 'C-004512',
        clientName: 'Acme Holdings Ltd',
        matterNumber: '12345-0001',
      }),
    );
    // Default policy logRecipients 'domain': domains only.
    expect([...record!.recipients].sort()).toEqual(['acme.example', 'gmail.com']);

    expect(await findInExtensionStorage(harness.worker, [secret, 'Zanzibar', 'kestrel.outside', 'counsel@'])).toEqual(
      [],
    );
    // Content scripts must not keep anything in the page's own IndexedDB either.
    const pageDatabases = await gmail.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDatabases).toEqual([]);
  });

  it('in audit mode never shows the dialog: the send goes through once and is logged as audited', async () => {
    await reopenWith({ ...BASE_SETTINGS, mode: 'audit' });
    const before = (await readRecords(harness.worker)).length;
    const compose = await warnCompose(gmail);
    await compose.clickSend();
    expect(await gateSeenBeforeSend(gmail)).toBe(false);
    await expectSentOnce(gmail, 'button');
    await compose.waitClosed();
    const records = await waitForNewRecords(harness.worker, before);
    expect(records.map((r) => [r.action, r.level])).toEqual([['audited', 'warn']]);
  });
});
