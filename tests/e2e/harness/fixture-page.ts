import type { Page } from 'playwright-core';
import { Ax } from './ax';
import type { Harness } from './index';
import { waitUntil } from './wait';

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
export async function openFixturePage(harness: Harness, url: string, ready: () => boolean = sendsRecorded): Promise<Page> {
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
