import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../lib/policy/types';
import { GmailPage } from './gmail/gmail-page';
import { expectNothingSent, warnCompose } from './gmail/steps';
import { contentScriptWorld, type ContentWorld } from './harness/content-world';
import {
  readRecords,
  setSettings,
  startHarness,
  waitForNewRecords,
  waitUntil,
  type Harness,
  type RouteRequest,
} from './harness/index';
import { managedPolicyFile } from './harness/managed-policy';
import { GateDialog } from './harness/matterguard-ui';
import { BASE_SETTINGS, e2eSuite } from './harness/suite';

/*
 * Issue 10 items 6 and 7 in real Chromium: the firm's policy is the floor, the collector token
 * never reaches a page, and Matterguard's own content-script world (where a page's renderer
 * process could reach) can neither read extension storage, nor speak for another site, nor
 * flood the log. The managed part writes Chromium's policy file (root, as in CI and under
 * `isolated`, which gives each run its own policy folders).
 */

const POLICY = managedPolicyFile('matterguard-e2e-floor.json');
const TOKEN = 'e2e-firm-token-7c1f0a';
const COLLECTOR_HOST = 'harrowvale.example';
const COLLECTOR_PATH = '/services/collector/event';

/**
 * The firm's policy. Chromium itself drops values its managed_schema refuses ("Block" is not
 * in the mode enum), so mode arrives unset; "c.lee" passes the schema (a string) but is not an
 * address, so it reaches Matterguard as an invalid managed value.
 */
const MANAGED = {
  mode: 'Block',
  userEmail: 'c.lee',
  collectorUrl: `https://${COLLECTOR_HOST}${COLLECTOR_PATH}`,
  collectorToken: TOKEN,
};

/** What a user who wants the guard out of the way set before the firm's policy arrived. */
const WEAKER: Partial<Policy> = {
  mode: 'audit',
  sites: { gmail: false },
  firmDomains: ['harrowvale.example', 'gmail.com'],
  userEmail: 'someone.else@harrowvale.example',
  logRecipients: 'none',
};

interface ReplyLog {
  __matterguardReplies?: string[];
}

/**
 * Runs in the options page before its own scripts: keeps every reply the page gets from the
 * worker, whichever way it asks (the polyfill passes a callback; a bare call gets a promise).
 */
function recordReplies(): void {
  const seen: string[] = ((window as ReplyLog).__matterguardReplies = []);
  const namespaces = [
    (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome,
    (globalThis as { browser?: { runtime?: { sendMessage?: unknown } } }).browser,
  ];
  for (const ns of namespaces) {
    const runtime = ns?.runtime as { sendMessage: (...args: unknown[]) => unknown } | undefined;
    if (!runtime?.sendMessage) continue;
    const original = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === 'function')
        return original(...args.slice(0, -1), (reply: unknown) => {
          seen.push(JSON.stringify(reply) ?? 'undefined');
          (last as (reply: unknown) => void)(reply);
        });
      return Promise.resolve(original(...args)).then((reply) => {
        seen.push(JSON.stringify(reply) ?? 'undefined');
        return reply;
      });
    };
  }
}

const lockNote = (page: Page, id: string) => page.locator(`#${id}-locked`).textContent();

describe.skipIf(!POLICY.writable)('policy is the floor once the firm manages the browser', () => {
  let harness: Harness;
  const posts: RouteRequest[] = [];

  beforeAll(async () => {
    POLICY.write(MANAGED);
    try {
      harness = await startHarness();
    } catch (error) {
      POLICY.remove();
      throw error;
    }
    harness.server.route(COLLECTOR_HOST, COLLECTOR_PATH, (request) => {
      posts.push(request);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"text":"Success","code":0}' };
    });
    await setSettings(harness.worker, WEAKER);
  });
  afterAll(async () => {
    POLICY.remove();
    await harness?.stop();
  });

  it('keeps guarding Gmail and holds the send, whatever the user set; the record reaches the firm', async () => {
    const gmail = await GmailPage.open(harness);
    try {
      // gmail.com is outside (the user's firmDomains are ignored), and the site is guarded.
      const compose = await warnCompose(gmail);
      await compose.clickSend();
      // Not audit mode, which never interrupts.
      const gate = await GateDialog.waitFor(gmail.ax);
      await gate.goBack();
      await expectNothingSent(gmail);
    } finally {
      await gmail.close();
    }
    const [record] = await waitForNewRecords(harness.worker, 0);
    // Neither the user's address nor the firm's invalid one; recipients at the default detail.
    expect(record).toMatchObject({ action: 'went-back', user: 'unknown user', recipients: ['gmail.com'] });
    const post = await waitUntil(
      () => Promise.resolve(posts[0]),
      'the record to reach the firm’s collector',
      () => `${posts.length} posts`,
    );
    expect(post.headers.authorization).toBe(`Splunk ${TOKEN}`);
  });

  it('shows on the options page which keys are locked and why, and never sends it the token', async () => {
    const page = await harness.context.newPage();
    try {
      await page.addInitScript(recordReplies);
      await page.goto(`chrome-extension://${harness.extensionId}/options.html#settings`);
      await page.getByRole('button', { name: 'Save settings' }).waitFor();

      expect(await lockNote(page, 'mode')).toBe('Your firm manages Matterguard: this can be made stricter, not weaker');
      expect(await page.getByRole('radio', { name: /^Audit/ }).isDisabled()).toBe(true);
      expect(await page.getByRole('radio', { name: /^Warn/ }).isChecked()).toBe(true);
      expect(await lockNote(page, 'sites')).toBe('Locked because your firm manages Matterguard');
      expect(await page.getByRole('checkbox', { name: 'Gmail' }).isChecked()).toBe(true);
      expect(await lockNote(page, 'firm-domains')).toBe('Locked because your firm manages Matterguard');
      expect(await page.getByRole('textbox', { name: 'Firm email domains' }).inputValue()).toBe('');
      expect(await lockNote(page, 'user-email')).toMatch(/^Set by your firm, but its value is not valid/);
      expect(await lockNote(page, 'collector-url')).toBe('Set by your firm');
      expect(await lockNote(page, 'collector-token')).toBe('Set by your firm');
      expect(await page.getByText('A token is set. It is never shown.').count()).toBe(1);
      expect(await page.getByLabel('Log collector token').inputValue()).toBe('');

      // What may be tightened is saved.
      await page.getByRole('spinbutton', { name: /Check for a new list/ }).fill('15');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();

      for (const tab of ['Log', 'My watchlist', 'Watchlist']) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.getByRole('tabpanel').waitFor();
      }
      await page.getByRole('heading', { name: 'Site diagnostics' }).waitFor();
      const replies = await page.evaluate(() => (window as ReplyLog).__matterguardReplies ?? []);
      expect(replies.filter((r) => r.includes('"collectorTokenSet":true')).length).toBeGreaterThanOrEqual(2);
      expect(replies.filter((r) => r.includes(TOKEN))).toEqual([]);
      expect(await page.content()).not.toContain(TOKEN);
    } finally {
      await page.close();
    }
  });
});

describe('Matterguard’s own content-script world', () => {
  let gmail: GmailPage;
  let world: ContentWorld;
  const harness = e2eSuite({
    settings: BASE_SETTINGS,
    open: async (h) => {
      gmail = await GmailPage.open(h);
      world = await contentScriptWorld(gmail.page, h.extensionId);
    },
    close: async () => {
      await world?.detach();
      await gmail?.close();
    },
  });
  const send = (type: string, payload: object) => `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`;
  const decision = (site: string) => ({
    site,
    surface: 'compose',
    action: 'went-back',
    level: 'warn',
    reasonCode: '',
    reason: '',
    matches: [],
    recipients: ['kestrel.outside@gmail.com'],
  });

  it('cannot read extension storage: no area is open to it', async () => {
    // The world is the live content script's: it reaches the worker by message.
    expect(await world.evaluate(send('getGuardConfig', { site: 'gmail' }))).toMatchObject({
      ok: true,
      value: { ok: true, data: { mode: 'warn', enabled: true } },
    });
    for (const area of ['local', 'sync', 'session', 'managed']) {
      const read = await world.evaluate(`chrome.storage.${area}.get(null)`);
      expect(read, `storage.${area}`).toEqual({
        ok: false,
        error: expect.stringContaining('Access to storage is not allowed from this context'),
      });
    }
  });

  it('cannot speak for another site', async () => {
    for (const [type, payload] of [
      ['recordDecision', decision('slack')],
      ['reportTabState', { site: 'slack', level: 'critical', matchCount: 1, summary: [] }],
      ['getGuardConfig', { site: 'teams' }],
    ] as const) {
      const reply = await world.evaluate(send(type, payload));
      expect(reply).toEqual({
        ok: true,
        value: { ok: false, error: expect.stringMatching(/a frame on gmail cannot/) },
      });
    }
  });

  it('cannot flood the log: 30 records in a row, then refused, and said once on the options page', async () => {
    const before = (await readRecords(harness.worker)).length;
    const flood = await world.evaluate(`(async () => {
      const replies = [];
      for (let i = 0; i < 40; i++) replies.push(await ${send('recordDecision', decision('gmail'))});
      return replies.map((r) => r.ok);
    })()`);
    expect(flood).toEqual({ ok: true, value: [...Array<boolean>(30).fill(true), ...Array<boolean>(10).fill(false)] });
    expect(await readRecords(harness.worker)).toHaveLength(before + 30);

    const options = await harness.open(`chrome-extension://${harness.extensionId}/options.html#watchlist`);
    try {
      const list = options.getByRole('list', { name: 'Site diagnostics' });
      await list.waitFor();
      expect(await list.getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/^Gmail: decision records refused: one tab sent more than 30 a minute .* — once, last/),
      ]);
    } finally {
      await options.close();
    }
  });
});
