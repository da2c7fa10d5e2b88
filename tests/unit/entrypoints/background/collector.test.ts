import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupCollector } from '@/entrypoints/background/setup-collector';
import { setupOverrideLog } from '@/entrypoints/background/setup-override-log';
import type { HecEvent } from '@/lib/log/hec';
import { COLLECTOR_ALARM, type Collector } from '@/entrypoints/background/collector';
import { MatterguardDb } from '@/lib/db/db';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply } from '@/lib/protocol/protocol';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import type { EffectivePolicy, Policy } from '@/lib/policy/types';
import { decision } from '@/tests/helpers/log-records';

const URL = 'https://siem.harrowvale.example/services/collector/event';
const fromGmail = {
  id: fakeBrowser.runtime.id,
  tab: { id: 7 } as never,
  url: 'https://mail.google.com/mail/u/0/',
  frameId: 0,
};

/** A collector that answers from a script (status codes, or 'down' for a network error), and remembers what it got. */
function fakeCollector(script: (number | 'down')[] = []) {
  const posts: { headers: Record<string, string>; events: HecEvent[] }[] = [];
  const accepted: string[] = [];
  const fetch = vi.fn((_url: string | URL | Request, init?: RequestInit) => {
    const events = (init?.body as string).split('\n').map((line) => JSON.parse(line) as HecEvent);
    posts.push({ headers: init?.headers as Record<string, string>, events });
    const answer = script.shift() ?? 200;
    if (answer === 'down') return Promise.reject(new TypeError('Failed to fetch'));
    if (answer < 300) accepted.push(...events.map((e) => e.event.id));
    return Promise.resolve(
      new Response(answer < 300 ? '{"text":"Success","code":0}' : '{"text":"Server is busy","code":9}', {
        status: answer,
      }),
    );
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, posts, accepted };
}

let db: MatterguardDb;
let policy: Policy;
let clock: number;
let onPolicyChange: ((p: EffectivePolicy) => void) | null;
const policyService = {
  current: () => Promise.resolve({ policy, managedKeys: [] }),
  onChange: (cb: (p: EffectivePolicy) => void) => {
    onPolicyChange = cb;
  },
};

/** One worker's life: the router, the log and the collector, as index.ts wires them. */
function startWorker(collectorFetch: typeof fetch): Collector {
  const router = createMessageRouter();
  const collector = setupCollector({
    policy: policyService,
    db,
    fetch: collectorFetch,
    now: () => clock,
    random: () => 0,
  });
  setupOverrideLog(router, { policy: policyService, watchlistVersion: () => Promise.resolve('v1'), db, collector });
  router.listen();
  return collector;
}

async function decide(reason: string, tab = 7): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(
    { type: 'recordDecision', payload: decision({ reason }) },
    { ...fromGmail, tab: { id: tab } as never },
  );
  return reply as unknown as Reply<unknown>;
}

async function fireAlarm(): Promise<void> {
  const alarm = await fakeBrowser.alarms.get(COLLECTOR_ALARM);
  if (!alarm) throw new Error('no retry alarm is set');
  clock = alarm.scheduledTime;
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Matterguard',
    version: '0.3.1',
  });
  db = new MatterguardDb(`collector-test-${Math.random()}`);
  policy = {
    ...DEFAULT_POLICY,
    userEmail: 'c.lee@harrowvale.example',
    collectorUrl: URL,
    collectorToken: 'hec-token-1',
  };
  clock = Date.parse('2025-03-04T10:00:00Z');
  onPolicyChange = null;
});
afterEach(async () => {
  await db.delete();
});

describe('delivering the log to the collector', () => {
  it('POSTs each new record as a Splunk HEC event with the token, and empties the outbox', async () => {
    const siem = fakeCollector();
    const collector = startWorker(siem.fetch);
    await decide('first');
    await collector.idle();
    expect(siem.fetch).toHaveBeenCalledWith(URL, expect.objectContaining({ method: 'POST' }));
    expect(siem.posts[0]!.headers).toMatchObject({
      Authorization: 'Splunk hec-token-1',
      'Content-Type': 'application/json',
    });
    const [event] = siem.posts[0]!.events;
    expect(event).toMatchObject({
      source: 'matterguard',
      sourcetype: 'matterguard:override',
      host: 'c.lee@harrowvale.example',
    });
    expect(event!.event).toMatchObject({ reason: 'first', seq: 1 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends nothing and queues nothing when policy names no collector', async () => {
    policy = { ...policy, collectorUrl: '' };
    const siem = fakeCollector();
    const collector = startWorker(siem.fetch);
    await decide('first');
    await collector.idle();
    expect(siem.fetch).not.toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(0);
  });

  it('posts nothing to a collector URL that is not https, and keeps the records queued', async () => {
    // A firm policy's invalid URL is kept as written (lib/policy/floor.ts), never cleared.
    policy = { ...policy, collectorUrl: 'http://siem.harrowvale.example/services/collector' };
    const siem = fakeCollector();
    const collector = startWorker(siem.fetch);
    await decide('first');
    await collector.idle();
    expect(siem.fetch).not.toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(1);
    expect((await db.state.get('collector'))?.value).toMatchObject({
      failures: 1,
      lastError: 'The collector address is not an https:// address; records are kept here until it is.',
    });
  });

  it('delivers a large backlog oldest first in batches of at most 100', async () => {
    const siem = fakeCollector(['down']);
    const collector = startWorker(siem.fetch);
    // From many tabs: one tab may not write this many at once (lib/log/record-limit.ts).
    for (let i = 1; i <= 230; i += 1) await decide(`r${i}`, 100 + Math.floor(i / 20));
    await collector.idle();
    await fireAlarm();
    await collector.idle();
    const delivered = siem.posts.slice(1).map((p) => p.events.length);
    expect(delivered).toEqual([100, 100, 30]);
    expect(siem.accepted).toHaveLength(230);
    expect(siem.posts.slice(1).flatMap((p) => p.events.map((e) => e.event.seq))).toEqual(
      Array.from({ length: 230 }, (_, i) => i + 1),
    );
  });

  it('answers the decision at once, even when the collector hangs', async () => {
    const hanging = vi.fn(() => new Promise<Response>(() => undefined)) as unknown as typeof fetch;
    startWorker(hanging);
    const reply = await decide('first');
    expect(reply.ok).toBe(true);
    expect(await db.records.count()).toBe(1);
    // The delivery is under way (and will hang) while the decision has long been answered.
    await vi.waitFor(() => expect(hanging).toHaveBeenCalledOnce());
  });
});

describe('when the collector fails', () => {
  it('keeps the records, backs off with an alarm, and delivers each record once when it is back', async () => {
    const siem = fakeCollector([503, 'down']);
    const collector = startWorker(siem.fetch);

    await decide('before the outage');
    await collector.idle();
    expect(await db.outbox.count()).toBe(1);
    expect((await fakeBrowser.alarms.get(COLLECTOR_ALARM))?.scheduledTime).toBe(clock + 30_000);

    // Made while the collector is down and backing off: queued, not sent (the alarm will).
    await decide('during the outage');
    await collector.idle();
    expect(siem.posts).toHaveLength(1);

    await fireAlarm(); // second failure: the network is down
    await collector.idle();
    expect((await fakeBrowser.alarms.get(COLLECTOR_ALARM))?.scheduledTime).toBe(clock + 60_000);

    await fireAlarm(); // back
    await collector.idle();
    expect(siem.accepted).toEqual([...new Set(siem.accepted)]);
    expect(siem.accepted).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await fakeBrowser.alarms.get(COLLECTOR_ALARM)).toBeUndefined();
  });

  it('resends the same record ids after a failed answer, so the SIEM can drop duplicates', async () => {
    const siem = fakeCollector([500]);
    const collector = startWorker(siem.fetch);
    await decide('once');
    await collector.idle();
    await fireAlarm();
    await collector.idle();
    const ids = siem.posts.map((p) => p.events.map((e) => e.event.id));
    expect(ids[0]).toEqual(ids[1]);
  });

  it('says what went wrong and when it will try again', async () => {
    const siem = fakeCollector([403]);
    const collector = startWorker(siem.fetch);
    await decide('first');
    await collector.idle();
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'getLogHealth', payload: {} },
      { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` },
    );
    expect(reply as unknown as Reply<unknown>).toMatchObject({ ok: true });
    expect((reply as unknown as { data: unknown }).data).toMatchObject({
      collector: {
        origin: 'https://siem.harrowvale.example',
        pending: 1,
        failures: 1,
        lastError: 'The collector answered 403: {"text":"Server is busy","code":9}.',
        nextAttemptAt: new Date(clock + 30_000).toISOString(),
      },
    });
  });

  it('tries again at once with a new token, forgetting the old backoff', async () => {
    const siem = fakeCollector([401]);
    const collector = startWorker(siem.fetch);
    await decide('first');
    await collector.idle();
    policy = { ...policy, collectorToken: 'hec-token-2' };
    onPolicyChange!({ policy, managedKeys: [] });
    await vi.waitFor(() => expect(siem.accepted).toHaveLength(1));
    expect(siem.posts[1]!.headers.Authorization).toBe('Splunk hec-token-2');
  });
});

describe('across restarts', () => {
  it('a new worker delivers what the last one left in the outbox', async () => {
    const down = fakeCollector(['down']);
    const first = startWorker(down.fetch);
    await decide('left behind');
    await first.idle();
    clock += 31_000;

    fakeBrowser.reset(); // the worker dies; IndexedDB stays
    const siem = fakeCollector();
    const second = startWorker(siem.fetch);
    await vi.waitFor(() => expect(siem.accepted).toHaveLength(1));
    await second.idle();
    expect(await db.outbox.count()).toBe(0);
  });

  it('puts back a retry alarm the browser dropped, at the same time', async () => {
    const down = fakeCollector([503]);
    const first = startWorker(down.fetch);
    await decide('left behind');
    await first.idle();
    const due = (await fakeBrowser.alarms.get(COLLECTOR_ALARM))!.scheduledTime;

    fakeBrowser.reset(); // browser restart: alarms gone
    const siem = fakeCollector();
    const second = startWorker(siem.fetch);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(COLLECTOR_ALARM))?.scheduledTime).toBe(due));
    await second.idle();
    expect(siem.fetch).not.toHaveBeenCalled();
  });

  it('never sends one record twice when deliveries are asked for at the same time', async () => {
    const siem = fakeCollector();
    const collector = startWorker(siem.fetch);
    await Promise.all([decide('a'), decide('b'), decide('c')]);
    collector.kick();
    await collector.deliverNow();
    await collector.idle();
    expect(siem.accepted.sort()).toEqual([...new Set(siem.accepted)].sort());
    expect(siem.accepted).toHaveLength(3);
  });
});
