import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupOverrideLog } from '@/entrypoints/background/setup-override-log';
import { chainRecord } from '@/lib/log/chain';
import type { ExportFormat } from '@/lib/log/export';
import { facetsOf, type LogFilter } from '@/lib/log/filter';
import type { OverrideRecord } from '@/lib/log/types';
import { verifyExport } from '@/lib/log/verify-export';
import { assembleExport } from '@/lib/connectors/connector';
import { appendRecord, MatterguardDb } from '@/lib/db/db';
import { createLogReader } from '@/lib/db/log-reader';
import { createMessageRouter, sendMessage } from '@/lib/messaging/router';
import type { RequestOf } from '@/lib/protocol/protocol';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { decision, unchainedRecords } from '@/tests/helpers/log-records';

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const fromOptions = { id: fakeBrowser.runtime.id, url: `${EXT}/options.html` };
const fromGmail = {
  id: fakeBrowser.runtime.id,
  tab: { id: 7 } as never,
  url: 'https://mail.google.com/mail/u/0/',
  frameId: 0,
};

let db: MatterguardDb;
let estimate: { usage?: number; quota?: number };

/** Asks the background as the options page would. */
async function ask<T extends 'listLog' | 'summarizeLog' | 'verifyLog' | 'getLogHealth'>(
  type: T,
  payload: RequestOf<T>,
) {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, fromOptions);
  const r = reply as unknown as { ok: boolean; data?: unknown; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data as Awaited<ReturnType<typeof sendMessage<T>>>;
}

/** `n` records written straight into the tables (far faster than n appends), every third one by a.khan on Slack. */
async function seed(n: number): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  const base = unchainedRecords(1)[0]!;
  for (let i = 0; i < n; i += 1) {
    const changes = i % 3 === 2 ? { user: 'a.khan@harrowvale.example', site: 'slack' as const } : {};
    out.push(
      await chainRecord(
        {
          ...base,
          ...changes,
          id: `rec-${i + 1}`,
          reason: `reason ${i + 1}`,
          at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        },
        out.at(-1) ?? null,
      ),
    );
  }
  await db.records.bulkAdd(out);
  await db.facets.bulkAdd(out.map(facetsOf));
  return out;
}

/** As the options page exports: its own reader on the same database, piece by piece. */
const exportVia = (filter: LogFilter, format: ExportFormat) =>
  assembleExport((request) => createLogReader(db).exportChunk(request), filter, format);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Matterguard',
    version: '0.3.1',
  });
  db = new MatterguardDb(`log-reading-${Math.random()}`);
  estimate = { usage: 10_000_000, quota: 50_000_000_000 };
  const router = createMessageRouter();
  setupOverrideLog(router, {
    policy: {
      current: () =>
        Promise.resolve({ policy: { ...DEFAULT_POLICY, userEmail: 'c.lee@harrowvale.example' }, managedKeys: [] }),
    },
    watchlistVersion: () => Promise.resolve('v1'),
    db,
    estimate: () => Promise.resolve(estimate),
  });
  router.listen();
});
afterEach(async () => {
  await db.delete();
});

describe('the log page asking the background', () => {
  it('lists a filtered page, newest first, with the filtered total', async () => {
    await seed(30);
    const page = await ask('listLog', { offset: 0, limit: 4, filter: { site: 'slack' } });
    expect(page.total).toBe(10);
    expect(page.records.map((r) => r.seq)).toEqual([30, 27, 24, 21]);
  });

  it('summarises for the chart', async () => {
    await seed(6);
    const summary = await ask('summarizeLog', { filter: { user: 'a.khan' } });
    expect(summary.total).toBe(2);
    expect(summary.clients).toEqual([{ label: 'Acme Holdings Ltd (C-004512)', count: 2 }]);
  });

  it('keeps the chart up to date as decisions arrive, counting each once', async () => {
    await seed(6);
    expect((await ask('summarizeLog', { filter: {} })).total).toBe(6);
    await appendRecord(db, { ...unchainedRecords(1)[0]!, id: 'new-1', user: 'a.khan@harrowvale.example' });
    const [all, khan] = await Promise.all([
      ask('summarizeLog', { filter: {} }),
      ask('summarizeLog', { filter: { user: 'a.khan' } }),
    ]);
    expect([all.total, khan.total]).toEqual([7, 3]);
    expect((await ask('summarizeLog', { filter: {} })).total).toBe(7);
  });

  it('refuses a malformed filter', async () => {
    await expect(ask('listLog', { offset: 0, limit: 4, filter: { site: 'myspace' } } as never)).rejects.toThrow(
      /invalid request/,
    );
  });
});

describe('exporting in pieces (the options page reading the same database)', () => {
  it('a whole log of 12,000 records arrives complete and verifiable', async () => {
    await seed(12_000);
    const file = await exportVia({}, 'csv');
    expect(file.parts.length).toBeGreaterThan(1);
    expect(file.count).toBe(12_000);
    const verdict = await verifyExport(await new Blob(file.parts).text());
    expect(verdict).toMatchObject({ status: 'valid', verdict: { count: 12_000, complete: true } });
  }, 60_000);

  it('holds exactly what the filter shows, and nothing written after the export started', async () => {
    await seed(12);
    const pieces: string[] = [];
    const reader = createLogReader(db);
    const file = await assembleExport(
      async (request) => {
        const chunk = await reader.exportChunk(request);
        // A decision arrives while the file is being made.
        if (pieces.push(chunk.text) === 1)
          await appendRecord(db, { ...unchainedRecords(1)[0]!, id: 'late', user: 'a.khan@harrowvale.example' });
        return chunk;
      },
      { user: 'a.khan' },
      'json',
    );
    const doc = JSON.parse(await new Blob(file.parts).text());
    expect(doc.records.map((r: OverrideRecord) => r.seq)).toEqual([12, 9, 6, 3]);
    expect(doc).toMatchObject({ count: 4, filter: { user: 'a.khan' }, logHead: { seq: 12 } });
    expect(file.name).toMatch(/^matterguard-log-filtered-.*\.json$/);
    expect((await verifyExport(await new Blob(file.parts).text())).status).toBe('valid');
  });
});

describe('verifying the live log', () => {
  it('confirms an intact log', async () => {
    const log = await seed(50);
    expect(await ask('verifyLog', {})).toEqual({ ok: true, count: 50, head: { seq: 50, hash: log[49]!.hash } });
  });

  it.each<[string, (log: OverrideRecord[]) => Promise<unknown>, number, RegExp]>([
    [
      'an edited record',
      (log) => db.records.update(log[19]!.id, { reason: 'edited in DevTools' }),
      20,
      /changed after it was written/,
    ],
    ['a deleted record', (log) => db.records.delete(log[19]!.id), 21, /sequence number 21, expected 20/],
  ])('names %s', async (_name, tamper, seq, problem) => {
    const log = await seed(50);
    await tamper(log);
    const verdict = await ask('verifyLog', {});
    expect(verdict).toMatchObject({ ok: false, seq, id: `rec-${seq}`, where: `record 20 of the log` });
    expect(verdict.ok === false && verdict.problem).toMatch(problem);
  });
});

describe('log health', () => {
  it('says when storage runs low', async () => {
    estimate = { usage: 990_000_000, quota: 1_000_000_000 };
    const health = await ask('getLogHealth', {});
    expect(health.storage).toMatchObject({ low: true, message: expect.stringMatching(/^Storage is running low/) });
    expect(health.collector).toBeNull();
  });

  it('reports a decision that could not be written, and tells the content script', async () => {
    vi.spyOn(db.records, 'add').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'recordDecision', payload: decision() },
      fromGmail,
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/no storage left for Matterguard\. Nothing already recorded was deleted/),
    });
    const health = await ask('getLogHealth', {});
    expect(health.writeError?.message).toMatch(/no storage left/);
    expect(await db.records.count()).toBe(0);
  });
});
