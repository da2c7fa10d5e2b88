import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWarningToOutsider } from './gmail/steps';
import { setSettings, startHarness, type Harness } from './harness/index';
import { managedPolicyFile } from './harness/managed-policy';
import { e2eSuite } from './harness/suite';
import {
  badge,
  createListServer,
  fireRefresh,
  HEADER,
  LIST_URL,
  openOptions,
  syncState,
  waitForSync,
  watchlistDetails,
} from './watchlist/firm-list';

/*
 * Issue 4 end to end: the firm list from a local HTTPS server at a firm hostname, in real
 * Chromium with the built extension. The managed-policy part writes Chromium's policy file,
 * which needs root; everything after it runs with the same URL set in the options settings.
 */

const POLICY = managedPolicyFile('matterguard-e2e-watchlist.json');
const LIST_V1 = `${HEADER}\nC-9001,Kestrel Mining plc,K-0001,Flotation,Project Osprey,kestrel.example,,warn\nC-9002,Lumen Bank AG,L-0001,,,lumen.example,,block\n`;
const LIST_V2 = `${LIST_V1}C-9003,Harbour Freight Ltd,H-0001,,,harbour.example,,warn\n`;

describe.skipIf(!POLICY.writable)(`the firm list from the URL in managed policy (${POLICY.path})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    POLICY.write({ watchlistUrl: LIST_URL, refreshMinutes: 30 });
    try {
      harness = await startHarness();
    } catch (error) {
      POLICY.remove();
      throw error;
    }
  });
  afterAll(async () => {
    // Removed first: other Chromium instances on this machine read the same directory.
    POLICY.remove();
    await harness?.stop();
  });

  it('loads the list from the managed URL and shows the key locked', async () => {
    const server = createListServer(harness, LIST_V1);
    const state = await waitForSync(
      harness.worker,
      'the firm list from the managed URL to load',
      (s) => s.active?.url === LIST_URL,
    );
    expect(state.active).toMatchObject({ entryCount: 2, etag: '"v1"' });
    expect(await watchlistDetails(harness)).toMatchObject({
      Source: LIST_URL,
      Entries: '2 entries',
      'Last error': 'None',
    });

    const settings = await openOptions(harness, 'settings');
    const url = settings.getByRole('textbox', { name: 'Firm watchlist URL' });
    await expect.poll(() => url.inputValue()).toBe(LIST_URL);
    expect(await url.getAttribute('readonly')).not.toBeNull();
    expect(await settings.locator('#watchlist-url-locked').textContent()).toBe('Set by your firm');
    await settings.close();
    server.unroute();
  });
});

describe('the firm list from the URL in the options settings', () => {
  let server: ReturnType<typeof createListServer>;
  // The route goes with the harness's server when the suite stops it.
  const harness = e2eSuite({
    setup: async (h) => {
      server = createListServer(h, LIST_V1);
      await setSettings(h.worker, { watchlistUrl: LIST_URL, refreshMinutes: 60, firmDomains: ['harrowvale.example'] });
      await waitForSync(h.worker, 'the first list to load', (s) => s.active?.etag === '"v1"');
    },
  });

  it('re-downloads nothing when the server answers 304', async () => {
    const before = await syncState(harness.worker);
    const gets = server.gets().length;
    await fireRefresh(harness.worker);
    const after = await waitForSync(harness.worker, 'a refresh to happen', (s) => s.lastAttempt !== before.lastAttempt);
    expect(
      server
        .gets()
        .slice(gets)
        .map((r) => r.status),
    ).toEqual([304]);
    expect(after.active?.generation).toBe(before.active?.generation);
    expect(after.lastError).toBeNull();
  });

  it('takes a changed list at the next refresh', async () => {
    server.serve({ body: LIST_V2, etag: '"v2"' });
    await fireRefresh(harness.worker);
    await waitForSync(harness.worker, 'the changed list to load', (s) => s.active?.etag === '"v2"');
    expect(await watchlistDetails(harness)).toMatchObject({ Entries: '3 entries', 'Last error': 'None' });
  });

  it('keeps the last good list when the server sends a sign-in page, and shows the error', async () => {
    server.serve({
      body: '<!DOCTYPE html><html><body><form>Sign in</form></body></html>',
      etag: '"login"',
      type: 'text/html',
    });
    await fireRefresh(harness.worker);
    const state = await waitForSync(harness.worker, 'the failed refresh', (s) => s.lastError !== null);
    expect(state.active?.etag).toBe('"v2"');
    expect(state.lastError).toMatch(/web page.*sign-in page/);
    expect(await watchlistDetails(harness)).toMatchObject({
      Source: LIST_URL,
      Entries: '3 entries',
      'Last error': state.lastError,
    });
    expect(await badge(harness.worker)).toBe('ERR');

    const popup = await harness.open(`chrome-extension://${harness.extensionId}/popup.html`);
    await expect.poll(() => popup.getByText(/^Last update failed: .*sign-in page/).count()).toBe(1);
    await popup.close();

    server.serve({ body: LIST_V2, etag: '"v2"', type: 'text/csv' });
    await fireRefresh(harness.worker);
    await waitForSync(harness.worker, 'the list to recover', (s) => s.lastError === null);
    expect(await badge(harness.worker)).toBe('');
  });

  it('warns on Gmail about a personal term added in the options page', async () => {
    const options = await openOptions(harness, 'personal');
    await options.getByRole('heading', { name: 'My watchlist' }).waitFor();
    await options.getByRole('textbox', { name: 'Name or term' }).first().fill('Project Kingfisher');
    await options.getByRole('button', { name: 'Add to my watchlist' }).click();
    await options.getByRole('rowheader', { name: 'Project Kingfisher' }).waitFor();
    await options.close();

    await expectWarningToOutsider(harness, 'Lunch tomorrow to talk about Project Kingfisher?', 'Project Kingfisher');
  });
});
