import { readFile } from 'node:fs/promises';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HecEvent } from '../../lib/log/hec';
import type { OverrideRecord } from '../../lib/log/types';
import { verifyExport } from '../../lib/log/verify-export';
import { GmailPage } from './gmail/gmail-page';
import { CLIENT_AUTHORISED, expectNothingSent, expectSentOnce, warnCompose } from './gmail/steps';
import { readRecords, setSettings, waitForNewRecords, waitUntil, type RouteRequest } from './harness/index';
import { BASE_SETTINGS, e2eSuite } from './harness/suite';
import { pause } from './harness/wait';
import { GateDialog } from './harness/matterguard-ui';

/*
 * Issue 6 end to end: the built extension in real Chromium. Decisions are made on the Gmail
 * fixture as a user makes them (gate dialog, trusted input); the options page's Log tab shows,
 * filters, exports and verifies them; a local HTTPS collector at a firm hostname takes the feed.
 */

const COLLECTOR_HOST = 'siem.harrowvale.example';
const COLLECTOR_PATH = '/services/collector/event';
const COLLECTOR_URL = `https://${COLLECTOR_HOST}${COLLECTOR_PATH}`;
const COLLECTOR_ALARM = 'matterguard:collector';

const harness = e2eSuite({ setup: (h) => setSettings(h.worker, BASE_SETTINGS) });

/** One decision on Gmail: the warn-level Acme message, sent anyway or taken back. */
async function decideOnGmail(choice: 'override' | 'went-back'): Promise<OverrideRecord> {
  const before = (await readRecords(harness.worker)).length;
  const gmail = await GmailPage.open(harness);
  try {
    const compose = await warnCompose(gmail);
    await compose.clickSend();
    const gate = await GateDialog.waitFor(gmail.ax);
    if (choice === 'override') {
      await gate.sendAnyway({ reason: CLIENT_AUTHORISED });
      await expectSentOnce(gmail, 'button');
    } else {
      await gate.goBack();
      await expectNothingSent(gmail);
    }
    const [record] = await waitForNewRecords(harness.worker, before);
    return record!;
  } finally {
    await gmail.close();
  }
}

async function openLog(): Promise<Page> {
  const page = await harness.open(`chrome-extension://${harness.extensionId}/options.html#log`);
  await page.getByRole('heading', { name: 'Override log' }).waitFor();
  return page;
}

/** The table's body rows as text, top to bottom. */
async function rows(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'Override log, newest first' }).locator('tbody tr').allInnerTexts();
}

describe('the Log page', () => {
  let made: OverrideRecord[] = [];

  it('shows the overrides made on Gmail, newest first', async () => {
    made = [await decideOnGmail('override'), await decideOnGmail('went-back'), await decideOnGmail('override')];
    const page = await openLog();
    await page.getByText(`${made.length} records, newest first.`).waitFor();
    const shown = await rows(page);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(/a\.lawyer@harrowvale\.example\s+Gmail\s+Sent anyway\s+Warning\s/);
    expect(shown[0]).toContain('Acme Holdings Ltd (C-004512) · matter 12345-0001');
    expect(shown[1]).toMatch(/Went back/);
    expect(shown[0]).toContain('gmail.com');
    await page.close();
  });

  it('filters, exports exactly what the filter shows, and the download verifies', async () => {
    const page = await openLog();
    await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Sent anyway' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('2 records match these filters, newest first.').waitFor();
    expect((await rows(page)).every((r) => r.includes('Sent anyway'))).toBe(true);

    for (const format of ['CSV', 'JSON', 'NDJSON'] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Export ${format}` }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^matterguard-log-filtered-.*\\.${format.toLowerCase()}$`),
      );
      const content = await readFile(await download.path(), 'utf8');
      const verdict = await verifyExport(content);
      expect(verdict).toMatchObject({ status: 'valid', verdict: { count: 2 } });
      if (format === 'CSV') expect(content.startsWith('\uFEFF')).toBe(true);
      if (format === 'NDJSON') {
        const ids = content
          .trimEnd()
          .split('\n')
          .map((l) => (JSON.parse(l) as OverrideRecord).id);
        expect(ids.sort()).toEqual(
          made
            .filter((r) => r.action === 'override')
            .map((r) => r.id)
            .sort(),
        );
      }
      // The same file, edited, is caught by "Verify a file…" with the record named.
      if (format === 'JSON') {
        const doc = JSON.parse(content) as { records: OverrideRecord[] };
        doc.records[0]!.reason = 'Approved by the partner';
        await page.getByLabel('Verify a file…').setInputFiles({
          name: 'edited.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(doc)),
        });
        await expect
          .poll(() => page.getByRole('alert').innerText())
          .toMatch(
            new RegExp(
              `^edited\\.json: JSON export: Broken at record 1 — the record with seq ${doc.records[0]!.seq} .*changed after it was written`,
            ),
          );
      }
    }

    await page.getByRole('button', { name: 'Verify the log' }).click();
    await page.getByText(/^The log is intact: all \d+ records match their hashes/).waitFor();
    await page.close();
  });
});

describe('central collection', () => {
  interface Seen {
    authorization: string | undefined;
    ids: string[];
    status: number;
  }
  const posts: Seen[] = [];
  const accepted = new Map<string, number>();
  let failuresLeft = 2;

  /**
   * A Splunk-like HEC endpoint that also answers CORS for the extension's origin (Splunk's
   * `crossOriginSharingPolicy`), so delivery works whether the extension holds host access to
   * it (host_permissions) or not (optional permission not granted): see the README section.
   */
  function collector(request: RouteRequest) {
    const cors = { 'access-control-allow-origin': request.headers.origin ?? '*' };
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'authorization, content-type',
        },
      };
    }
    const events = request.body
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as HecEvent);
    const status = failuresLeft > 0 ? 503 : 200;
    if (failuresLeft > 0) failuresLeft -= 1;
    posts.push({ authorization: request.headers.authorization, ids: events.map((e) => e.event.id), status });
    if (status === 200) for (const e of events) accepted.set(e.event.id, (accepted.get(e.event.id) ?? 0) + 1);
    const headers = { ...cors, 'content-type': 'application/json' };
    return {
      status,
      headers,
      body: status === 200 ? '{"text":"Success","code":0}' : '{"text":"Server is busy","code":9}',
    };
  }

  /** Time passing, without waiting for it: the retry alarm is moved to now (the worker's own clock). */
  async function retryNow(worker: Worker): Promise<void> {
    await worker.evaluate(async (name) => {
      const { chrome } = globalThis as unknown as {
        chrome: { alarms: { get(n: string): Promise<unknown>; create(n: string, i: { when: number }): Promise<void> } };
      };
      if (!(await chrome.alarms.get(name))) throw new Error('no retry alarm is set');
      await chrome.alarms.create(name, { when: Date.now() });
    }, COLLECTOR_ALARM);
  }

  async function postsSoFar(n: number): Promise<void> {
    await waitUntil(
      () => Promise.resolve(posts.length >= n),
      `${n} POSTs to the collector`,
      () => JSON.stringify(posts),
      { timeoutMs: 15_000 },
    );
  }

  it('delivers every record exactly once after failures, including those made while it was down', async () => {
    const unroute = harness.server.route(COLLECTOR_HOST, COLLECTOR_PATH, collector);
    try {
      await setSettings(harness.worker, {
        ...BASE_SETTINGS,
        collectorUrl: COLLECTOR_URL,
        collectorToken: 'e2e-hec-token',
      });
      const first = await decideOnGmail('override');
      await postsSoFar(1); // refused: 503
      const whileDown = await decideOnGmail('went-back'); // queued; the collector is backing off
      await pause(500);
      expect(posts).toHaveLength(1);

      await retryNow(harness.worker);
      await postsSoFar(2); // refused again
      await retryNow(harness.worker);
      await postsSoFar(3); // accepted
      await pause(1_000);

      expect(posts.map((p) => p.status)).toEqual([503, 503, 200]);
      expect(posts.every((p) => p.authorization === 'Splunk e2e-hec-token')).toBe(true);
      expect(posts[2]!.ids).toEqual([first.id, whileDown.id]);
      expect([...accepted]).toEqual([
        [first.id, 1],
        [whileDown.id, 1],
      ]);

      // Once it is back, a new record goes straight out, on its own.
      const after = await decideOnGmail('override');
      await postsSoFar(4);
      expect(posts[3]).toMatchObject({ status: 200, ids: [after.id] });

      const page = await openLog();
      await page
        .getByText(`Central collection to https://${COLLECTOR_HOST}: every record delivered`, { exact: false })
        .waitFor();
      await page.close();
    } finally {
      unroute();
      await setSettings(harness.worker, BASE_SETTINGS);
    }
  });
});
