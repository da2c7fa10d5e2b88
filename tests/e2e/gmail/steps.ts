import { waitUntil } from '../harness/wait';
import { GateDialog, type NoticeExpectation } from '../harness/matterguard-ui';
import type { Harness } from '../harness/index';
import { GmailPage, type Compose, type SentMessage } from './gmail-page';

/*
 * Steps the Gmail tests share. Demo watchlist facts they rely on: Acme Holdings Ltd
 * (C-004512, matter 12345-0001, alias "Project Falcon") allows acme.example; Beta Industries
 * GmbH allows beta.example; gmail.com is nobody's.
 */

export const OUTSIDER = 'kestrel.outside@gmail.com';
export const CLIENT = 'counsel@acme.example';
export const OTHER_CLIENT = 'legal@beta.example';
export const ACME_TEXT = 'We act for Acme Holdings on matter 12345-0001.';
export const CLIENT_AUTHORISED = /client asked for or authorised/i;

export function expectNotice(compose: Compose, expected: NoticeExpectation): Promise<string> {
  return compose.expectNotice(expected);
}

/** A compose at warn level: an outsider and Acme's matter in the body. */
export async function warnCompose(gmail: GmailPage, body = ACME_TEXT): Promise<Compose> {
  const compose = await gmail.compose();
  await compose.addRecipient(OUTSIDER);
  await compose.typeBody(body);
  await expectNotice(compose, { level: 'Warning', mentions: ['Acme Holdings Ltd', 'gmail.com'] });
  return compose;
}

/** A new Gmail tab, one compose to an outsider with `body`: the notice warns, naming `mention`. */
export async function expectWarningToOutsider(harness: Harness, body: string, mention: string): Promise<void> {
  const gmail = await GmailPage.open(harness);
  try {
    const compose = await gmail.compose();
    await compose.addRecipient(OUTSIDER);
    await compose.typeBody(body);
    await expectNotice(compose, { level: 'Warning', mentions: [mention, 'gmail.com'] });
  } finally {
    await gmail.close();
  }
}

export function waitForSend(gmail: GmailPage): Promise<SentMessage[]> {
  return waitUntil(
    async () => {
      const sent = await gmail.sent();
      return sent.length > 0 && sent;
    },
    'the page to send the message',
    () => 'window.__fixture.sent is still empty',
  );
}

export { expectNothingSent, expectSentOnce } from '../harness/fixture-page';

/** Whether the gate dialog shows at any moment until a send happens (and a little after). */
export async function gateSeenBeforeSend(gmail: GmailPage): Promise<boolean> {
  let seen = false;
  const deadline = Date.now() + 10_000;
  while ((await gmail.sent()).length === 0 && Date.now() < deadline) seen ||= await GateDialog.isOpen(gmail.ax);
  for (const stop = Date.now() + 500; Date.now() < stop;) seen ||= await GateDialog.isOpen(gmail.ax);
  return seen;
}

/**
 * What a hostile or careless page script can do: click Send, press Ctrl+Enter with synthetic
 * events, and look for our UI (shadow hosts, anything labelled like it) to click. Returns what
 * it could reach; with a closed shadow root that is nothing.
 */
export function pageScriptTriesToSend(gmail: GmailPage): Promise<{ reachable: string[]; dialogs: number }> {
  return gmail.page.evaluate(() => {
    const send = document.querySelector<HTMLElement>('div[role=button].T-I.T-I-atl:not([aria-haspopup=true])');
    send?.click();
    for (const type of ['mousedown', 'mouseup', 'click'])
      send?.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
    const body = document.querySelector('div[g_editable=true][role=textbox]');
    body?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
    );
    // Whatever it can find that looks like ours: shadow hosts, and buttons by their text.
    const reachable: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      if (el.shadowRoot) reachable.push(`open shadow root on ${el.tagName}`);
      if (/send anyway|matterguard/i.test(el.getAttribute('aria-label') ?? '') || el.textContent === 'Send anyway') {
        reachable.push(`element ${el.tagName}`);
        el.click();
      }
      if (el.tagName.includes('-')) {
        el.click();
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
    }
    return { reachable, dialogs: document.querySelectorAll('[role=alertdialog]').length };
  });
}
