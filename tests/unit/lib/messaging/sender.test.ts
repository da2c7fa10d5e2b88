import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageRouter } from '@/lib/messaging/router';
import type { ContentRequestType, Reply } from '@/lib/protocol/protocol';
import { senderOrigin, siteOfSender } from '@/lib/messaging/sender';
import { decision } from '@/tests/helpers/log-records';

/** A content script's sender as Chromium stamps it: the frame's url and origin, its tab. */
function frame(url: string, origin = new URL(url).origin, topUrl = url) {
  return { id: fakeBrowser.runtime.id, tab: { id: 5, url: topUrl } as never, frameId: 0, url, origin };
}
const GMAIL = frame('https://mail.google.com/mail/u/0/');
const SLACK = frame('https://app.slack.com/client/T1/C1');

/** One request of each content type, each claiming `site`. */
function requests(site: string): [ContentRequestType, unknown][] {
  const fields = [{ name: 'body', text: 'Kestrel' }];
  return [
    ['scanSurface', { site, fields, recipients: [], audience: null }],
    [
      'scanSurfacePart',
      {
        transfer: 't1',
        index: 0,
        count: 2,
        text: 'Kes',
        head: { site, fields: [{ name: 'body', length: 7 }], recipients: [], audience: null },
      },
    ],
    ['getGuardConfig', { site }],
    ['recordDecision', decision({ site: site as never })],
    ['reportTabState', { site, level: null, matchCount: 0, summary: [] }],
    ['reportDiagnostic', { site, problem: 'send button not found' }],
  ];
}

let handled: string[];
async function send(type: string, payload: unknown, sender: object): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  return reply as unknown as Reply<unknown>;
}

beforeEach(() => {
  fakeBrowser.reset();
  handled = [];
  const router = createMessageRouter();
  for (const [type] of requests('gmail'))
    router.on(type, () => {
      handled.push(type);
      return Promise.resolve(null as never);
    });
  router.listen();
});

describe('a content script speaks only for the site its frame is on', () => {
  it.each(requests('slack'))(
    '%s claiming Slack from a Gmail frame is refused before any handler',
    async (type, payload) => {
      expect(await send(type, payload, GMAIL)).toEqual({
        ok: false,
        error: `${type}: a frame on gmail cannot send for slack.`,
      });
      expect(handled).toEqual([]);
    },
  );

  it.each(requests('slack'))('%s claiming Slack from a Slack frame is handled', async (type, payload) => {
    expect(await send(type, payload, SLACK)).toEqual({ ok: true, data: null });
    expect(handled).toEqual([type]);
  });

  it('takes the frame’s origin, not the tab’s: Google Chat in its iframe inside Gmail', async () => {
    const chatInGmail = frame('https://chat.google.com/u/0/frame', undefined, 'https://mail.google.com/mail/u/0/');
    expect((await send('getGuardConfig', { site: 'google-chat' }, chatInGmail)).ok).toBe(true);
    expect((await send('getGuardConfig', { site: 'gmail' }, chatInGmail)).ok).toBe(false);
  });

  it('accepts Outlook’s about:blank pop-out, which carries its opener’s origin', async () => {
    const popout = frame('about:blank', 'https://outlook.office.com', 'about:blank');
    expect(await send('getGuardConfig', { site: 'outlook' }, popout)).toEqual({ ok: true, data: null });
    expect((await send('getGuardConfig', { site: 'gmail' }, popout)).ok).toBe(false);
  });

  it.each([
    ['a site Matterguard does not guard', frame('https://evil.example/'), 'https://evil.example'],
    ['a look-alike host', frame('https://mail.google.com.evil.example/'), 'https://mail.google.com.evil.example'],
    ['a sandboxed frame of a guarded page', frame('https://mail.google.com/x', 'null'), 'null'],
    ['a data: frame', frame('data:text/html,hi', 'null'), 'null'],
  ])('refuses every request from %s', async (_name, sender, origin) => {
    for (const [type, payload] of requests('gmail')) {
      const reply = await send(type, payload, sender);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toContain(`not accepted from ${origin}, which Matterguard does not guard`);
    }
    expect(handled).toEqual([]);
  });

  it('lets the later pieces of a large scan through without a claim (they join the first’s transfer)', async () => {
    expect((await send('scanSurfacePart', { transfer: 't1', index: 1, count: 2, text: 'trel' }, GMAIL)).ok).toBe(true);
  });
});

describe('senderOrigin', () => {
  it('uses the stamped origin, or the url where a browser stamps none (Firefox)', () => {
    expect(senderOrigin({ url: 'https://app.slack.com/client', origin: 'https://app.slack.com' })).toBe(
      'https://app.slack.com',
    );
    expect(senderOrigin({ url: 'https://app.slack.com/client' })).toBe('https://app.slack.com');
    expect(senderOrigin({ url: 'about:blank' })).toBe('null');
    expect(siteOfSender({ url: 'https://acme.sharepoint.com/sites/x' })).toBe('onedrive');
  });
});
