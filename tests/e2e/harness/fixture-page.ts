import type { Page } from 'playwright-core';
import { Ax } from './ax';
import type { Harness } from './index';
import { expect } from 'vitest';
import { pause, waitUntil } from './wait';

/** What every fixture page sets up in its page world (tests/fixtures/<site>/…). */
interface FixtureWindow {
  __fixture?: { sent?: unknown };
}

/** Ready when the page script has set up its record of sends (window.__fixture.sent). */
function sendsRecorded(): boolean {
  return Array.isArray((window as FixtureWindow).__fixture?.sent);
}

/** Ready when the page script has set up window.__fixture at all (pages that record no sends). */
export function fixtureSetUp(): boolean {
  return (window as FixtureWindow).__fixture !== undefined;
}

/**
 * A new tab at `url`, in front, allowed to use the clipboard (for real pastes), once its
 * fixture's page script is ready: by default when it has set up window.__fixture.sent;
 * `ready` (run in the page world, so it may use nothing from here) says otherwise.
 */
export async function openFixturePage(
  harness: Harness,
  url: string,
  ready: () => boolean = sendsRecorded,
): Promise<Page> {
  const page = await harness.open(url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await page.bringToFront();
  await waitUntil(
    () => page.evaluate(ready),
    `the fixture at ${url} to be ready`,
    async () =>
      `Page ${page.url()} is not ready; it shows: ` +
      JSON.stringify((await page.evaluate(() => document.body?.innerText ?? '')).slice(0, 300)),
  );
  return page;
}

/**
 * A fixture tab driven through its accessibility tree, whose page script records each send it
 * performs (window.__fixture.sent, as `Sent`): Gmail, Outlook and the chat sites.
 */
export abstract class FixturePage<Sent> {
  protected constructor(
    readonly page: Page,
    readonly ax: Ax,
  ) {}

  /** `url` opened as openFixturePage does, with its accessibility tree attached. */
  protected static async openTab(harness: Harness, url: string): Promise<{ page: Page; ax: Ax }> {
    const page = await openFixturePage(harness, url);
    return { page, ax: await Ax.attach(page) };
  }

  /** The page's own record of what it sent, read in the page world. */
  sent(): Promise<Sent[]> {
    return this.page.evaluate(() => ((window as FixtureWindow).__fixture?.sent ?? []) as Sent[]);
  }

  async close(): Promise<void> {
    await this.ax.detach();
    await this.page.close();
  }
}

/** Nothing sent: the pages send synchronously in their own handlers, so a short window shows a leak. */
export async function expectNothingSent(site: FixturePage<unknown>): Promise<void> {
  await pause(400);
  expect(await site.sent()).toEqual([]);
}

/** Waits for exactly one send (made by one of `via`, when given), then makes sure no second one follows. */
export async function expectSentOnce<S extends { via?: string }>(
  site: FixturePage<S>,
  ...via: NonNullable<S['via']>[]
): Promise<S> {
  await waitUntil(
    async () => (await site.sent()).length > 0,
    'the page to send',
    () => 'window.__fixture.sent is still empty',
  );
  await pause(600);
  const sent = await site.sent();
  expect(sent).toHaveLength(1);
  if (via.length > 0) expect(via).toContain(sent[0]!.via);
  return sent[0]!;
}
