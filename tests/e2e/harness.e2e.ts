import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { findInExtensionStorage, setSettings } from './harness/index';
import { e2eSuite } from './harness/suite';

/*
 * The harness's own promises, which every other e2e test leans on: pages reach only the
 * fixture server, routes answer, the extension is the one policies name, and the storage
 * dump really sees what the extension stores (so "not found there" means something).
 */

const harness = e2eSuite();

describe('e2e harness', () => {
  it('loads the built extension under its stable id', () => {
    expect(harness.extensionId).toBe('dgpffkmiboccamppjklikbofdadpbgoc');
  });

  it('answers a registered route on a real hostname and records the request', async () => {
    const unroute = harness.server.route('harrowvale.example', '/watchlist.csv', () => ({
      headers: { 'content-type': 'text/plain' },
      body: 'client_number,client_name\nC-1,Route Check Ltd\n',
    }));
    const page = await harness.open('https://harrowvale.example/watchlist.csv?v=1');
    expect(await page.textContent('body')).toContain('Route Check Ltd');
    expect(harness.server.requests).toContainEqual(
      expect.objectContaining({ host: 'harrowvale.example', url: '/watchlist.csv?v=1', status: 200 }),
    );
    unroute();
    await page.reload();
    expect(await page.textContent('body')).not.toContain('Route Check Ltd');
    await page.close();
  });

  it('sends nothing past loopback: names other than the fixture hosts do not resolve', async () => {
    // This machine's own name resolves to loopback through /etc/hosts; the rules stop it too.
    for (const url of ['https://example.com/', `https://${hostname()}:${harness.server.port}/`]) {
      // A fresh tab each time: navigating away from Chromium's error page is itself flaky.
      const page = await harness.context.newPage();
      await expect(page.goto(url, { timeout: 10_000 })).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
      await page.close();
    }
  });

  it('finds what the extension stores when dumping its storage', async () => {
    await setSettings(harness.worker, { userEmail: 'dump-probe-7781@harrowvale.example' });
    expect(await findInExtensionStorage(harness.worker, ['dump-probe-7781'])).toEqual([
      '"dump-probe-7781" in storage.local',
    ]);
    await setSettings(harness.worker, {});
  });
});
