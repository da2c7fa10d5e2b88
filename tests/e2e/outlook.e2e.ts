import { describe, expect, it } from 'vitest';
import { ACME_TEXT, CLIENT, CLIENT_AUTHORISED, OTHER_CLIENT, OUTSIDER } from './gmail/steps';
import { readRecords, waitForNewRecords } from './harness/index';
import { pause } from './harness/wait';
import { GateDialog, waitForNotice, type NoticeExpectation } from './harness/matterguard-ui';
import { BASE_SETTINGS, e2eSuite } from './harness/suite';
import { expectNothingSent, expectSentOnce } from './harness/fixture-page';
import { OUTLOOK_URL, OutlookPage, type OutlookCompose } from './outlook/outlook-page';

/*
 * Issue 5, Outlook on the web: the built extension in real Chromium on the Outlook fixture
 * served at outlook.office.com (and outlook.cloud.microsoft), with the demo watchlist
 * (Acme Holdings Ltd allows acme.example; Beta Industries GmbH allows beta.example).
 */

let outlook: OutlookPage;
const harness = e2eSuite({
  settings: BASE_SETTINGS,
  open: async (h) => (outlook = await OutlookPage.open(h)),
  close: () => outlook?.close(),
});

const expectNotice = (c: OutlookCompose, e: NoticeExpectation) => waitForNotice(c.ax, () => c.centre(), e);

async function warnCompose(): Promise<OutlookCompose> {
  const compose = await outlook.newMail();
  await compose.addRecipient(OUTSIDER);
  await compose.typeBody(ACME_TEXT);
  await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
  return compose;
}

describe('Outlook: inline notice', () => {
  it('follows the recipients in To and Cc: notice for the client, warning for gmail.com, critical for another client', async () => {
    const compose = await outlook.newMail();
    await compose.addRecipient(CLIENT);
    await compose.typeBody(ACME_TEXT);
    await expectNotice(compose, { level: 'Notice', mentions: ['Acme Holdings Ltd', '12345-0001'] });
    await compose.addRecipient(OUTSIDER, 'Cc');
    await expectNotice(compose, { level: 'Warning', mentions: ['gmail.com'] });
    await compose.addRecipient(OTHER_CLIENT, 'Bcc');
    await expectNotice(compose, { level: 'Critical', mentions: ['beta.example'] });
  });

  it('catches a pasted and a dropped matter number, a client in the subject and a matter number in an attachment name', async () => {
    const compose = await outlook.newMail();
    await compose.addRecipient(OUTSIDER);
    await compose.pasteBody('See matter 12345 0001 for the figures.');
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', /12345.0001/] });

    const dropped = await outlook.newMail();
    await dropped.addRecipient(OUTSIDER);
    await dropped.dropBody('Project Falcon closes next week.');
    await expectNotice(dropped, { level: 'Warning', mentions: ['Acme Holdings Ltd'] });

    const other = await outlook.newMail();
    await other.addRecipient(OUTSIDER);
    await other.typeSubject('Project Falcon: next steps');
    await expectNotice(other, { level: 'Warning', mentions: ['Acme Holdings Ltd'] });

    const third = await outlook.newMail();
    await third.addRecipient(OUTSIDER);
    await outlook.attach(third, 'Draft SPA 12345-0001.docx');
    await third.typeBody('Attached.');
    await expectNotice(third, { level: 'Warning', mentions: ['Acme Holdings Ltd'] });
  });

  it('guards outlook.cloud.microsoft too', async () => {
    await outlook.close();
    outlook = await OutlookPage.open(harness, 'https://outlook.cloud.microsoft/mail/');
    const compose = await outlook.newMail();
    await compose.addRecipient(OUTSIDER);
    await compose.typeBody('Re 12345-0001: draft attached');
    await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', '12345-0001'] });
  });
});

describe('Outlook: the send gate', () => {
  it('Go back sends nothing and logs went-back; Send anyway sends once and logs one override', async () => {
    const before = (await readRecords(harness.worker)).length;
    const compose = await warnCompose();
    await compose.clickSend();
    const gate = await GateDialog.waitFor(outlook.ax);
    expect(gate.text).toContain('Acme Holdings Ltd');
    await gate.goBack();
    await expectNothingSent(outlook);
    expect(await compose.isOpen()).toBe(true);

    await compose.clickSend();
    await (await GateDialog.waitFor(outlook.ax)).sendAnyway({ reason: CLIENT_AUTHORISED });
    const sent = await expectSentOnce(outlook);
    expect(sent).toMatchObject({ to: [OUTSIDER], via: 'button' });
    expect(sent.body).toContain('12345-0001');
    const records = await waitForNewRecords(harness.worker, before, 2);
    expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
      ['outlook', 'compose', 'went-back', 'warn'],
      ['outlook', 'compose', 'override', 'warn'],
    ]);
  });

  it('gates Schedule send from the Send menu: Go back sends nothing, Send anyway schedules once', async () => {
    const compose = await warnCompose();
    await compose.scheduleSend();
    const gate = await GateDialog.waitFor(outlook.ax);
    await gate.goBack();
    await expectNothingSent(outlook);
    expect(await compose.isOpen()).toBe(true);

    await compose.scheduleSend();
    await (await GateDialog.waitFor(outlook.ax)).sendAnyway({ reason: CLIENT_AUTHORISED });
    const sent = await expectSentOnce(outlook);
    expect(sent).toMatchObject({ to: [OUTSIDER], via: 'schedule' });
    await compose.waitClosed();
  });

  it('gates Ctrl+Enter and releases it once', async () => {
    const compose = await warnCompose();
    await compose.pressSendShortcut();
    const gate = await GateDialog.waitFor(outlook.ax);
    await expectNothingSent(outlook);
    await gate.sendAnyway({ reason: CLIENT_AUTHORISED });
    await expectSentOnce(outlook);
    await compose.waitClosed();
  });

  it('guards an inline reply: critical when another client is copied', async () => {
    const reply = await outlook.reply();
    await reply.addRecipient(OTHER_CLIENT, 'Cc');
    await reply.typeBody('The revised Project Falcon timetable is attached.');
    await expectNotice(reply, { level: 'Critical', mentions: ['Acme Holdings Ltd', 'beta.example'] });
    await reply.clickSend();
    await (await GateDialog.waitFor(outlook.ax)).goBack();
    await expectNothingSent(outlook);
    expect((await readRecords(harness.worker)).at(-1)).toMatchObject({
      site: 'outlook',
      surface: 'reply',
      action: 'went-back',
      level: 'critical',
    });
  });

  // How the page opens the window it writes (fixture ?popout=). Which one OWA uses is not known;
  // Chromium 156 runs the manifest content script (match_about_blank) in all three.
  for (const { how, query } of [
    { how: "window.open('about:blank')", query: '' },
    { how: "window.open('') (no URL)", query: '?popout=empty' },
    { how: 'window.open() (no arguments)', query: '?popout=none' },
  ]) {
    it(`guards the about:blank pop-out window opened with ${how} and written by the opener: sends once, logs once`, async () => {
      if (query) {
        await outlook.close();
        outlook = await OutlookPage.open(harness, `${OUTLOOK_URL}${query}`);
      }
      const before = (await readRecords(harness.worker)).length;
      const compose = await outlook.newMail();
      await compose.addRecipient(OUTSIDER);
      const { popup, ax, compose: popped } = await outlook.popOut(compose);
      try {
        expect(popup.url()).toBe('about:blank');
        expect(await outlook.popoutKind()).toBe(new URLSearchParams(query).get('popout') ?? 'about:blank');
        await popped.typeBody(ACME_TEXT);
        await expectNotice(popped, { level: 'Warning', mentions: ['Acme Holdings Ltd', '12345-0001', 'gmail.com'] });
        await popped.clickSend();
        const gate = await GateDialog.waitFor(ax);
        await expectNothingSent(outlook);
        // Outlook closes the pop-out once it sent: the dialog goes with the window.
        await gate.sendAnyway({ reason: CLIENT_AUTHORISED }).catch((error: unknown) => {
          if (!popup.isClosed()) throw error;
        });
        const sent = await expectSentOnce(outlook);
        expect(sent).toMatchObject({ to: [OUTSIDER], popout: true, via: 'button' });
        expect(sent.body).toContain('12345-0001');
        expect(popup.isClosed()).toBe(true);
        const records = await waitForNewRecords(harness.worker, before, 1);
        await pause(400);
        expect((await readRecords(harness.worker)).length).toBe(before + 1);
        expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
          ['outlook', 'popout', 'override', 'warn'],
        ]);
      } finally {
        await ax.detach().catch(() => undefined);
        if (!popup.isClosed()) await popup.close();
      }
    });
  }

  it('keeps two composes apart: the clean one sends at once, the other stays gated', async () => {
    const acme = await warnCompose();
    const beta = await outlook.reply();
    await beta.typeBody('Thanks, noted.');
    await beta.clickSend();
    await expectSentOnce(outlook);
    expect(await GateDialog.isOpen(outlook.ax)).toBe(false);
    expect(await acme.isOpen()).toBe(true);
    await acme.clickSend();
    const gate = await GateDialog.waitFor(outlook.ax);
    expect(gate.text).toContain('Acme Holdings Ltd');
    await gate.goBack();
    expect(await outlook.sent()).toHaveLength(1);
  });
});

describe('Outlook: a layout whose Send it does not know (fail visible)', () => {
  it('still warns and gates Ctrl+Enter, and the options page shows "Outlook: send button not found"', async () => {
    await outlook.close();
    outlook = await OutlookPage.open(harness, 'https://outlook.office.com/mail/?layout=unknown-send');
    const compose = await warnCompose();
    await compose.pressSendShortcut();
    await (await GateDialog.waitFor(outlook.ax)).goBack();
    await expectNothingSent(outlook);

    const options = await harness.open(`chrome-extension://${harness.extensionId}/options.html#watchlist`);
    try {
      const item = options.getByRole('listitem').filter({ hasText: 'Outlook: send button not found' });
      await item.waitFor();
      expect(await item.textContent()).toMatch(/Outlook: send button not found — once, last /);
    } finally {
      await options.close();
    }
  });
});
