import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupDiagnostics } from '@/entrypoints/background/setup-diagnostics';
import { createMessageRouter } from '@/lib/messaging/router';
import type { Reply } from '@/lib/protocol/protocol';

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const fromOutlook = {
  id: fakeBrowser.runtime.id,
  tab: { id: 3 } as never,
  url: 'https://outlook.office.com/mail/',
  frameId: 0,
};
const fromSlack = { ...fromOutlook, tab: { id: 4 } as never, url: 'https://app.slack.com/client/T1/C1' };
const fromOptions = { id: fakeBrowser.runtime.id, url: `${EXT}/options.html` };

let clock: number;
async function send(type: string, payload: unknown, sender: object): Promise<Reply<unknown>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender);
  return reply as unknown as Reply<unknown>;
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = Date.parse('2026-11-23T10:00:00Z');
  const router = createMessageRouter();
  setupDiagnostics(router, () => new Date((clock += 60_000)));
  router.listen();
});

describe('site diagnostics', () => {
  it("counts each site's problem with its first and latest time, latest first, for the options page", async () => {
    await Promise.all([
      send('reportDiagnostic', { site: 'outlook', problem: 'send button not found' }, fromOutlook),
      send('reportDiagnostic', { site: 'outlook', problem: 'send button not found' }, fromOutlook),
    ]);
    await send('reportDiagnostic', { site: 'slack', problem: 'send button not found' }, fromSlack);
    const listed = await send('listDiagnostics', {}, fromOptions);
    expect(listed).toEqual({
      ok: true,
      data: [
        {
          site: 'slack',
          message: 'Slack: send button not found',
          count: 1,
          firstAt: '2026-11-23T10:03:00.000Z',
          lastAt: '2026-11-23T10:03:00.000Z',
        },
        {
          site: 'outlook',
          message: 'Outlook: send button not found',
          count: 2,
          firstAt: '2026-11-23T10:01:00.000Z',
          lastAt: '2026-11-23T10:02:00.000Z',
        },
      ],
    });
  });

  it('refuses reports that are not from a content script, or out of bounds', async () => {
    expect((await send('listDiagnostics', {}, fromOutlook)).ok).toBe(false);
    expect((await send('reportDiagnostic', { site: 'outlook', problem: 'x'.repeat(201) }, fromOutlook)).ok).toBe(false);
    expect(
      (await send('reportDiagnostic', { site: 'myspace', problem: 'send button not found' }, fromOutlook)).ok,
    ).toBe(false);
    expect(await send('listDiagnostics', {}, fromOptions)).toEqual({ ok: true, data: [] });
  });
});
