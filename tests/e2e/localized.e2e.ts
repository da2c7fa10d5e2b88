import type { ElementHandle } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Policy } from '../../lib/policy/types';
import { readRecords, setSettings, startHarness, waitForNewRecords, type Harness } from './harness/index';
import { GateDialog, waitForNotice } from './harness/matterguard-ui';
import { pause, waitUntil } from './harness/wait';
import { expectNothingSent, expectSentOnce } from './harness/fixture-page';
import { OUTLOOK_URL, OutlookCompose, OutlookPage } from './outlook/outlook-page';

/*
 * Issue 5, localized labels: the built extension in real Chromium on Outlook on the web in
 * German (the Outlook fixture with ?hl=de: "Neue E-Mail", "An", "Nachrichtentext", "Senden",
 * "Weitere Sendeoptionen", "Senden planen"). The page object speaks English labels, so the
 * German steps are local helpers below; everything else is the shared harness.
 */

const BASE: Partial<Policy> = {
  firmDomains: ['harrowvale.example'],
  userEmail: 'a.lawyer@harrowvale.example',
  mode: 'warn',
};
const OUTSIDER = 'kestrel.outside@gmail.com';
const TYPED = 'Anbei der Entwurf zu 12345-0001 für Acme Holdings.';
const CLIENT_AUTHORISED = /client asked for or authorised/i;

let harness: Harness;
let outlook: OutlookPage;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});
beforeEach(async () => {
  await setSettings(harness.worker, BASE);
  outlook = await OutlookPage.open(harness, `${OUTLOOK_URL}?hl=de`);
});
afterEach(async () => {
  await outlook?.close();
});

/** "Neue E-Mail": a real click on the German New mail button, then the compose it opened. */
async function neueEmail(): Promise<OutlookCompose> {
  const page = outlook.page;
  const composes = page.locator('.fx-compose-host .fx-compose');
  const before = await composes.count();
  const button = page.locator('button[aria-label="Neue E-Mail"]');
  const box = await button.boundingBox();
  if (!box) throw new Error('No "Neue E-Mail" button');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitUntil(
    async () => (await composes.count()) > before,
    'a new compose',
    () => 'none',
  );
  const root: ElementHandle | null = await composes.nth(before).elementHandle();
  if (!root) throw new Error('The new compose vanished');
  return new OutlookCompose(page, outlook.ax, root);
}

/** Types an address in the "An" (To) well and commits it with Enter, as a user does. */
async function an(compose: OutlookCompose, address: string): Promise<void> {
  await compose.click('[contenteditable=true][aria-label="An"]');
  await compose.page.keyboard.press('End');
  await compose.page.keyboard.type(address);
  await compose.page.keyboard.press('Enter');
  await compose.root.waitForSelector(`[aria-label="An"] [title="${address}"]`, { state: 'attached', timeout: 5_000 });
}

/** Types at the end of the "Nachrichtentext" (message body). */
async function nachrichtentext(compose: OutlookCompose, text: string): Promise<void> {
  await compose.click('[aria-label="Nachrichtentext"]');
  await compose.page.keyboard.press('Control+End');
  await compose.page.keyboard.type(text);
}

/** The Send arrow ("Weitere Sendeoptionen"), then "Senden planen" in the menu portalled to the body. */
async function sendenPlanen(compose: OutlookCompose): Promise<void> {
  const arrow = await compose.root.waitForSelector('button[aria-label="Weitere Sendeoptionen"]', { state: 'attached' });
  if ((await arrow.getAttribute('aria-expanded')) !== 'true')
    await compose.click('button[aria-label="Weitere Sendeoptionen"]');
  const item = compose.page
    .locator('[role=menu] [role=menuitem]', { hasText: 'Senden planen' })
    .filter({ visible: true });
  await item.waitFor();
  const box = await item.boundingBox();
  if (!box) throw new Error('"Senden planen" has no box');
  await compose.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function warnCompose(): Promise<OutlookCompose> {
  const compose = await neueEmail();
  await an(compose, OUTSIDER);
  await nachrichtentext(compose, TYPED);
  // A typed matter number, sent outside the firm: a Warning naming the client and the number.
  await waitForNotice(compose.ax, () => compose.centre(), {
    level: 'Warning',
    mentions: ['Acme Holdings Ltd', '12345-0001', 'gmail.com'],
  });
  return compose;
}

describe('Outlook on the web in German', () => {
  it('the fixture speaks German: no English label is left on the compose', async () => {
    const compose = await neueEmail();
    const english = await compose.root.evaluate((root) =>
      ['Send', 'Message body', 'To', 'Add a subject', 'More send options'].filter((l) =>
        (root as Element).querySelector(`[aria-label="${l}"]`),
      ),
    );
    expect(english).toEqual([]);
    expect(
      await compose.root.evaluate(
        (root) => (root as Element).querySelector('input[aria-label="Betreff hinzufügen"]') !== null,
      ),
    ).toBe(true);
  });

  it('"Senden" is gated: Go back sends nothing; Send anyway sends once and logs one override', async () => {
    const before = (await readRecords(harness.worker)).length;
    const compose = await warnCompose();
    await compose.click('button[aria-label="Senden"]');
    const gate = await GateDialog.waitFor(outlook.ax);
    expect(gate.text).toContain('Acme Holdings Ltd');
    await gate.goBack();
    await expectNothingSent(outlook);
    expect(await compose.isOpen()).toBe(true);

    await compose.click('button[aria-label="Senden"]');
    await (await GateDialog.waitFor(outlook.ax)).sendAnyway({ reason: CLIENT_AUTHORISED });
    const sent = await expectSentOnce(outlook);
    expect(sent).toMatchObject({ to: [OUTSIDER], via: 'button' });
    expect(sent.body).toContain('12345-0001');
    await waitForNewRecords(harness.worker, before, 2);
    await pause(400);
    const records = (await readRecords(harness.worker)).slice(before);
    expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
      ['outlook', 'compose', 'went-back', 'warn'],
      ['outlook', 'compose', 'override', 'warn'],
    ]);
  });

  it('"Senden planen" is gated: Go back sends nothing; Send anyway schedules once and logs one override', async () => {
    const before = (await readRecords(harness.worker)).length;
    const compose = await warnCompose();
    await sendenPlanen(compose);
    await (await GateDialog.waitFor(outlook.ax)).goBack();
    await expectNothingSent(outlook);
    expect(await compose.isOpen()).toBe(true);

    await sendenPlanen(compose);
    await (await GateDialog.waitFor(outlook.ax)).sendAnyway({ reason: CLIENT_AUTHORISED });
    const sent = await expectSentOnce(outlook);
    expect(sent).toMatchObject({ to: [OUTSIDER], via: 'schedule' });
    await compose.waitClosed();
    await waitForNewRecords(harness.worker, before, 2);
    await pause(400);
    const records = (await readRecords(harness.worker)).slice(before);
    // The guard logs the schedule path as its own surface.
    expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
      ['outlook', 'schedule-send', 'went-back', 'warn'],
      ['outlook', 'schedule-send', 'override', 'warn'],
    ]);
  });
});
