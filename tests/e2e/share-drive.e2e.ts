import { describe, expect, it } from 'vitest';
import { Ax } from './harness/ax';
import { readRecords, waitForNewRecords } from './harness/index';
import { waitForNotice } from './harness/matterguard-ui';
import { BASE_SETTINGS, e2eSuite } from './harness/suite';
import { pause, waitUntil } from './harness/wait';
import { DOCS_URL, DRIVE_URL, GooglePage, routeGoogleFixtures } from './share/drive-page';
import type { ShareDialog } from './share/share-dialog';
import { ShareGate } from './share/share-gate';

/*
 * Issue 5, Google Drive and Docs: the built extension in real Chromium on the fixtures served
 * at drive.google.com and docs.google.com, the share dialog in its /sharing/driveshare iframe.
 * Demo watchlist: Acme Holdings Ltd (matter 12345-0001, alias "Project Falcon") allows
 * acme.example; Beta Industries GmbH allows beta.example; gmail.com is nobody's.
 */

const OUTSIDER = 'kestrel.outside@gmail.com';
const CLIENT = 'counsel@acme.example';
const OTHER_CLIENT = 'legal@beta.example';
const ACME_FILE = /Share Acme Holdings SPA draft/;
const PLAIN_FILE = /Share Board pack/;
const AUTHORISED = /client asked for or authorised/i;

let google: GooglePage;
const harness = e2eSuite({ setup: routeGoogleFixtures, settings: BASE_SETTINGS, close: () => google?.close() });

async function drive(): Promise<GooglePage> {
  google = await GooglePage.open(harness, DRIVE_URL);
  return google;
}

async function expectNothingShared(dialog: ShareDialog): Promise<void> {
  // The frame shares synchronously in its own click handler: a short window shows a leak.
  await pause(400);
  expect(await dialog.sent()).toEqual([]);
}

describe('Google Drive share dialog: inline notice', () => {
  it('names the shared item and follows the invitees: client → notice, gmail.com → warning, another client → critical', async () => {
    const dialog = await (await drive()).openShare(ACME_FILE);
    await dialog.invite(CLIENT);
    await dialog.expectNotice({ level: 'Notice', mentions: ['Acme Holdings Ltd'] });

    await dialog.invite(OUTSIDER);
    await dialog.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });

    await dialog.removeInvitee(OUTSIDER);
    await dialog.invite(OTHER_CLIENT);
    await dialog.expectNotice({ level: 'Critical', mentions: ['Acme Holdings Ltd', 'beta.example'] });
    // Enter in "Add people" only ever committed chips: nothing shared, nothing held.
    expect(await dialog.sent()).toEqual([]);
    expect(await ShareGate.isOpen(dialog.ax)).toBe(false);
  });

  it('catches a matter number typed in the message', async () => {
    const dialog = await (await drive()).openShare(PLAIN_FILE);
    await dialog.invite(OUTSIDER);
    await dialog.typeMessage('Re 12345-0001: the board pack');
    await dialog.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', '12345-0001'] });
  });

  it('catches a matter number pasted into the message', async () => {
    const dialog = await (await drive()).openShare(PLAIN_FILE);
    await dialog.invite(OUTSIDER);
    await dialog.pasteMessage('See matter 12345 0001 for the figures.');
    await dialog.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', /12345.0001/] });
  });

  it.each([
    ['typed', 'type'],
    ['pasted', 'paste'],
  ] as const)('Docs: catches a code name %s into the document title, as the shared item name', async (_, how) => {
    google = await GooglePage.open(harness, DOCS_URL);
    await google.renameDocument('Project Falcon term sheet', how);
    const dialog = await google.openShare(/^Share/);
    expect(dialog.frame.url()).toMatch(/^https:\/\/docs\.google\.com\/sharing\/driveshare\?/);
    await dialog.invite(OUTSIDER);
    await dialog.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
  });

  it('checks a file chosen for upload by its name', async () => {
    const page = await drive();
    await page.upload('Project Falcon SPA.docx');
    const ax = await Ax.attach(page.page);
    await waitForNotice(ax, () => Promise.resolve(null), { level: 'Warning', mentions: ['Acme Holdings Ltd'] });
    expect(await page.uploads()).toEqual([['Project Falcon SPA.docx']]);
  });
});

describe('Google Drive share dialog: the share gate', () => {
  it('holds Send; Go back shares nothing and logs went-back; Share anyway shares once and logs once', async () => {
    const before = (await readRecords(harness.worker)).length;
    const dialog = await (await drive()).openShare(ACME_FILE);
    await dialog.invite(OUTSIDER);
    await dialog.typeMessage('Draft attached.');
    await dialog.expectNotice({ level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
    expect(await dialog.primaryLabel()).toBe('Send');

    await dialog.click('Send');
    const gate = await ShareGate.waitFor(dialog.ax);
    expect(gate.text).toContain('Acme Holdings Ltd');
    expect(await gate.anywayEnabled()).toBe(false);
    await gate.goBack();
    await expectNothingShared(dialog);
    const back = await waitForNewRecords(harness.worker, before, 1);
    expect(back.map((r) => [r.site, r.action, r.level])).toEqual([['google-drive', 'went-back', 'warn']]);

    await dialog.click('Send');
    await (await ShareGate.waitFor(dialog.ax)).shareAnyway(AUTHORISED);
    const shared = await waitUntil(
      async () => {
        const s = await dialog.sent();
        return s.length > 0 && s;
      },
      'the frame to share',
      () => 'window.__fixture.sent is empty',
    );
    await pause(600);
    expect(await dialog.sent()).toHaveLength(1);
    expect(shared[0]).toMatchObject({
      via: 'send',
      item: 'Acme Holdings SPA draft v3.docx',
      to: [OUTSIDER],
      message: 'Draft attached.',
    });
    const records = await waitForNewRecords(harness.worker, before, 2);
    await pause(400);
    expect((await readRecords(harness.worker)).length).toBe(before + 2);
    expect(records[1]).toMatchObject({ site: 'google-drive', surface: 'share', action: 'override', level: 'warn' });
    expect(records[1]!.recipients.join(' ')).toContain('gmail.com');
  });

  it('holds "Share" (Notify people off) and "Copy link" too', async () => {
    const dialog = await (await drive()).openShare(ACME_FILE);
    await dialog.click('Copy link');
    await (await ShareGate.waitFor(dialog.ax)).goBack();
    await expectNothingShared(dialog);

    await dialog.invite(OUTSIDER);
    await dialog.frame.getByRole('checkbox', { name: 'Notify people' }).click();
    expect(await dialog.primaryLabel()).toBe('Share');
    await dialog.click('Share');
    await (await ShareGate.waitFor(dialog.ax)).goBack();
    await expectNothingShared(dialog);
  });

  it('lets a share with nothing watched through at once', async () => {
    const dialog = await (await drive()).openShare(PLAIN_FILE);
    await dialog.invite(OUTSIDER);
    await dialog.typeMessage('The board pack, as promised.');
    await pause(300);
    await dialog.click('Send');
    await waitUntil(
      async () => (await dialog.sent()).length === 1,
      'one share',
      async () => JSON.stringify(await dialog.sent()),
    );
    expect(await ShareGate.isOpen(dialog.ax)).toBe(false);
  });
});
