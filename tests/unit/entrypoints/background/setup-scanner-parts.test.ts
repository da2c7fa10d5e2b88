import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileActive, setupScanner } from '@/entrypoints/background/setup-scanner';
import type { ActiveWatchlist } from '@/entrypoints/background/setup-watchlist';
import { withRetry } from '@/lib/guard/retry';
import { CompiledCacheDb, createCompiledStore } from '@/lib/db/compiled-store';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply, RequestOf, RequestType, ResponseOf, WatchlistStatus } from '@/lib/protocol/protocol';
import { PART_CHARS, scanInParts, splitScanRequest, type ScanPart } from '@/lib/protocol/scan-parts';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import type { WatchlistEntry } from '@/lib/watchlist/types';

/**
 * A large scan request in pieces, through the worker's real router and scanner: the worker
 * answers only for the whole text, and a transfer broken by a closed tab or a restarted worker
 * fails cleanly, so the content script's retry sends it again.
 */

const ACME: WatchlistEntry = {
  clientNumber: 'C-004512',
  clientName: 'Acme Holdings Ltd',
  matterNumber: '12345-0001',
  matterName: '',
  aliases: [],
  allowedDomains: ['acme.example'],
  walled: [],
  severity: 'warn',
  source: 'firm',
};
const active: ActiveWatchlist = {
  revision: 'r1',
  status: { source: 'firm', version: 'v-r1', entryCount: 1 } as WatchlistStatus,
  firmDomainsFallback: ['firm.example'],
  batches: async function* () {
    yield await Promise.resolve([ACME]);
  },
};

const fromTab = (tab: number) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tab },
  url: 'https://mail.google.com/mail/u/0/',
  frameId: 0,
});
const fromOptions = () => ({ id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/')}options.html` });

async function send<T extends RequestType>(
  type: T,
  payload: RequestOf<T>,
  sender: object = fromTab(3),
): Promise<ResponseOf<T>> {
  const [settled] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  const reply = settled as unknown as Reply<ResponseOf<T>> | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
  return reply.data;
}

let dbCount = 0;
/** A worker (re)starting: fresh listeners and memory. */
function startWorker(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  const router = createMessageRouter();
  const policy = { current: () => Promise.resolve({ policy: DEFAULT_POLICY, managedKeys: [] }) };
  setupScanner(router, {
    watchlist: { active: () => Promise.resolve(active) },
    policy,
    store: createCompiledStore(new CompiledCacheDb(`scanner-parts-${dbCount++}`)),
    compile: compileActive,
  });
  router.listen();
}

const prose = 'The parties met to discuss the draft terms of the agreement and the timetable for closing. ';
const BODY = `${prose.repeat(Math.ceil(1_200_000 / prose.length))}Regards, on behalf of Acme Holdings.`;
const request = (body = BODY): RequestOf<'scanSurface'> => ({
  site: 'gmail',
  fields: [
    { name: 'subject', text: 'Draft terms' },
    { name: 'body', text: body },
  ],
  recipients: ['kestrel.outside@gmail.com'],
  audience: null,
  surfaceKey: 's1',
});
const found = (answer: ResponseOf<'scanSurface'>) =>
  answer.assessment.matches.map((m) => [m.field, m.start, m.text, m.level]);
const pause = () => Promise.resolve();

beforeEach(() => {
  fakeBrowser.reset();
  startWorker();
});

describe('a 1.2 MB body sent in pieces', () => {
  it('is scanned whole once its last piece is in: the name in its last line, where a single message would find it', async () => {
    const replies: ResponseOf<'scanSurfacePart'>[] = [];
    const answer = await scanInParts(
      request(),
      async (part) => {
        const reply = await send('scanSurfacePart', part);
        replies.push(reply);
        return reply;
      },
      pause,
    );
    expect(replies.map((r) => r.done)).toEqual([false, false, true]);
    expect(found(answer)).toEqual([['body', BODY.length - 14, 'Acme Holdings', 'warn']]);
    expect(found(answer)).toEqual(found(await send('scanSurface', request())));
  });

  it('is refused from an extension page, as a whole request would be', async () => {
    const [first] = splitScanRequest(request(), 't1');
    await expect(send('scanSurfacePart', first!, fromOptions())).rejects.toThrow(
      'scanSurfacePart: not accepted from this sender.',
    );
  });

  it('a piece longer than a piece may be is refused at the boundary', async () => {
    const [first] = splitScanRequest(request(), 't1', PART_CHARS + 1);
    await expect(send('scanSurfacePart', first!)).rejects.toThrow(/scanSurfacePart: invalid request/);
  });

  it('fails cleanly when its tab closes mid-transfer', async () => {
    const parts = splitScanRequest(request(), 't1');
    await send('scanSurfacePart', parts[0]!);
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    await expect(send('scanSurfacePart', parts[1]!)).rejects.toThrow(/its tab closed/);
  });

  it('after a worker restart mid-transfer, the retry sends it all again and gets the right answer', async () => {
    const sent: ScanPart[] = [];
    let restarted = false;
    const sendPart = async (part: ScanPart) => {
      sent.push(part);
      // The worker stops right after taking the second piece of the first attempt.
      const reply = await send('scanSurfacePart', part);
      if (!restarted && part.index === 1) {
        restarted = true;
        startWorker();
      }
      return reply;
    };
    const answer = await withRetry(() => scanInParts(request(), sendPart, pause), [0, 0], new AbortController().signal);
    expect(found(answer)).toEqual([['body', BODY.length - 14, 'Acme Holdings', 'warn']]);
    // Three pieces of the first attempt (the third refused), then all three again under a new name.
    expect(sent.map((p) => p.index)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(sent[3]!.transfer).not.toBe(sent[0]!.transfer);
  });

  it('a whole request for the surface supersedes an unfinished transfer for it', async () => {
    const parts = splitScanRequest(request(), 't1');
    await send('scanSurfacePart', parts[0]!);
    await send('scanSurface', request('Short now.'));
    await expect(send('scanSurfacePart', parts[1]!)).rejects.toThrow(/superseded/);
  });
});
