import type { BrowserContext, Page, Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from './browser';
import { createCertificate } from './certificate';
import { findChromium } from './chromium';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { allHosts } from './sites';

export { Ax, isOn, formatNode, type AxNode, type AxQuery } from './ax';
export {
  setSettings,
  readRecords,
  waitForNewRecords,
  dumpExtensionStorage,
  findInExtensionStorage,
} from './extension-state';
export type { RouteHandler, RouteRequest, RouteResponse, FixtureServer } from './fixture-server';
export { waitUntil, pause } from './wait';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface HarnessOptions {
  headless?: boolean;
  extensionDir?: string;
  fixturesRoot?: string;
  viewport?: { width: number; height: number };
  /** See LaunchOptions.handleSignals. */
  handleSignals?: boolean;
}

export interface Harness {
  server: FixtureServer;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** A new tab at `url` (e.g. https://mail.google.com/mail/u/0/), loaded. */
  open(url: string): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Everything an end-to-end test needs: a fixture server for the real hostnames, Chromium with
 * the built extension, and its service worker. One per test file (2 cores: files run in turn).
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const executablePath = findChromium();
  const extensionDir = options.extensionDir ?? join(REPO_ROOT, '.output/chrome-mv3');
  const fixturesRoot = options.fixturesRoot ?? join(REPO_ROOT, 'tests/fixtures');
  const hosts = allHosts();
  // The key pair is read into memory at once; its files need not outlive this line.
  const tmp = await mkdtemp(join(tmpdir(), 'matterguard-e2e-'));
  const certificate = await createCertificate(tmp, hosts).finally(() => rm(tmp, { recursive: true, force: true }));
  const server = await startFixtureServer(fixturesRoot, certificate);
  try {
    const browser = await launchWithExtension({
      executablePath,
      extensionDir,
      hosts,
      port: server.port,
      headless: options.headless ?? true,
      viewport: options.viewport,
      handleSignals: options.handleSignals,
    });
    return {
      server,
      ...browser,
      async open(url) {
        const page = await browser.context.newPage();
        await page.goto(url);
        return page;
      },
      async stop() {
        await browser.context.close().catch(() => undefined);
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
