import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupOverrideLog } from '@/entrypoints/background/setup-override-log';
import { verifyChain } from '@/lib/log/chain';
import { createRecordLimiter } from '@/lib/log/record-limit';
import type { GateDecision } from '@/lib/log/types';
import { allRecords, MatterguardDb } from '@/lib/db/db';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply } from '@/lib/protocol/protocol';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import type { Policy } from '@/lib/policy/types';
import { decision } from '@/tests/helpers/log-records';

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const fromGmail = {
  id: fakeBrowser.runtime.id,
  tab: { id: 7 } as never,
  url: 'https://mail.google.com/mail/u/0/',
  frameId: 0,
};
const fromOptions = { id: fakeBrowser.runtime.id, url: `${EXT}/options.html` };

let db: MatterguardDb;
let policy: Policy;

async function send(type: string, payload: unknown, sender: object): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  return reply as unknown as Reply<unknown>;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Matterguard',
    version: '0.3.1',
  });
  db = new MatterguardDb(`log-test-${Math.random()}`);
  policy = { ...DEFAULT_POLICY, userEmail: 'c.lee@harrowvale.example', logRecipients: 'domain' };
  const router = createMessageRouter();
  setupOverrideLog(router, {
    policy: { current: () => Promise.resolve({ policy, managedKeys: [] }) },
    watchlistVersion: () => Promise.resolve('firm-2025-03-01'),
    db,
  });
  router.listen();
  return async () => db.delete();
});

describe('recordDecision', () => {
  it('answers with the id and hash of a record already stored', async () => {
    const reply = await send('recordDecision', decision(), fromGmail);
    expect(reply.ok).toBe(true);
    const [stored] = await allRecords(db);
    expect(reply).toEqual({ ok: true, data: { id: stored!.id, hash: stored!.hash } });
    expect(stored).toMatchObject({
      user: 'c.lee@harrowvale.example',
      extensionVersion: '0.3.1',
      watchlistVersion: 'firm-2025-03-01',
      recipients: ['beta.example', 'harrowvale.example'],
      seq: 1,
    });
    expect(Date.parse(stored!.at)).not.toBeNaN();
  });

  it('logs "unknown user" when policy names nobody, and full addresses when policy asks', async () => {
    policy = { ...policy, userEmail: '', logRecipients: 'full' };
    await send('recordDecision', decision(), fromGmail);
    const [stored] = await allRecords(db);
    expect(stored!.user).toBe('unknown user');
    expect(stored!.recipients).toEqual(['ann@beta.example', 'bob@harrowvale.example']);
  });

  it('chains every decision and never stores text beyond the matched words', async () => {
    const withBody = { ...decision(), body: 'Secret draft about the Acme closing' } as GateDecision;
    await send('recordDecision', withBody, fromGmail);
    await send('recordDecision', decision({ action: 'went-back' }), fromGmail);
    const all = await allRecords(db);
    expect(await verifyChain(all)).toEqual({ ok: true, count: 2 });
    expect(JSON.stringify(all)).not.toContain('Secret draft');
  });

  it('is refused from an extension page, and a refused decision stores nothing', async () => {
    const reply = await send('recordDecision', decision(), fromOptions);
    expect(reply.ok).toBe(false);
    expect(await db.records.count()).toBe(0);
  });
});

describe('listLog', () => {
  it('pages newest first with the total', async () => {
    for (const reason of ['first', 'second', 'third']) await send('recordDecision', decision({ reason }), fromGmail);
    const reply = await send('listLog', { offset: 0, limit: 2 }, fromOptions);
    if (!reply.ok) throw new Error(reply.error);
    const data = reply.data as { records: { reason: string }[]; total: number };
    expect(data.records.map((r) => r.reason)).toEqual(['third', 'second']);
    expect(data.total).toBe(3);
  });

  it('is refused from a web page', async () => {
    expect((await send('listLog', { offset: 0, limit: 2 }, fromGmail)).ok).toBe(false);
  });
});

describe('recordDecision limits (a page cannot flood the log)', () => {
  let clock: number;
  let reported: [string, string][];

  beforeEach(() => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    clock = 0;
    reported = [];
    const router = createMessageRouter();
    setupOverrideLog(router, {
      policy: { current: () => Promise.resolve({ policy, managedKeys: [] }) },
      watchlistVersion: () => Promise.resolve('firm-2025-03-01'),
      db,
      limiter: createRecordLimiter(() => clock),
      diagnostics: {
        report: (site, problem) => {
          reported.push([site, problem]);
          return Promise.resolve();
        },
      },
    });
    router.listen();
  });

  it('refuses the 31st record a tab sends at once, writes none of the excess, and reports it once', async () => {
    const replies = [];
    for (let i = 0; i < 40; i++) replies.push(await send('recordDecision', decision({ reason: `r${i}` }), fromGmail));
    expect(replies.filter((r) => r.ok)).toHaveLength(30);
    expect(replies[30]).toEqual({ ok: false, error: expect.stringMatching(/this tab sent more decisions/) });
    expect(await allRecords(db)).toHaveLength(30);
    expect(reported).toEqual([['gmail', expect.stringMatching(/^decision records refused/)]]);

    const otherTab = { ...fromGmail, tab: { id: 8 } as never };
    expect((await send('recordDecision', decision(), otherTab)).ok).toBe(true);
    clock += 2_000;
    expect((await send('recordDecision', decision(), fromGmail)).ok).toBe(true);
  });

  it('refuses a record over 1 MiB, however the schema bounds allow it', async () => {
    const match = decision().matches[0]!;
    const huge = decision({
      matches: Array.from({ length: 600 }, (_, i) => ({ ...match, clientName: `${i} ${'x'.repeat(1_990)}` })),
    });
    const reply = await send('recordDecision', huge, fromGmail);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/larger than a record may be \(1\.0 MB\)/) });
    expect(await allRecords(db)).toEqual([]);
    expect(reported).toHaveLength(1);
  });

  it('forgets a closed tab’s allowance', async () => {
    for (let i = 0; i < 31; i++) await send('recordDecision', decision(), fromGmail);
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    expect((await send('recordDecision', decision(), fromGmail)).ok).toBe(true);
  });
});
