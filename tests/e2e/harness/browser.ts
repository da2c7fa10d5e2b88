import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface LaunchOptions {
  executablePath: string;
  /** The built extension (.output/chrome-mv3). */
  extensionDir: string;
  /** Hosts (or `*.domain` patterns) to send to the fixture server. */
  hosts: string[];
  port: number;
  headless: boolean;
  viewport?: { width: number; height: number };
  /**
   * Let Playwright close Chromium on SIGINT/SIGTERM (default). It then exits the process
   * itself, so a caller with its own clean-up (the demo) turns this off.
   */
  handleSignals?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/**
 * Resolver rules that send every guarded host to the fixture server and every other name to
 * nowhere, so neither the pages nor Chromium itself can reach past loopback.
 */
export function hostResolverRules(hosts: string[], port: number): string {
  const maps = hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`);
  return [...maps, 'MAP * ~NOTFOUND'].join(', ');
}

export function chromiumArgs(options: Pick<LaunchOptions, 'extensionDir' | 'hosts' | 'port'>): string[] {
  return [
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
    // One argv element, no shell quotes (docs/sites.md#probes).
    `--host-resolver-rules=${hostResolverRules(options.hosts, options.port)}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    '--no-sandbox',
  ];
}

/** Chromium with the built extension loaded, its service worker and its id. */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(join(options.extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${options.extensionDir}: run \`npx wxt build -b chrome\` first.`);
  }
  // '' = a fresh temporary profile, removed by Playwright on close.
  const context = await chromium.launchPersistentContext('', {
    executablePath: options.executablePath,
    headless: options.headless,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: chromiumArgs(options),
    handleSIGINT: options.handleSignals ?? true,
    handleSIGTERM: options.handleSignals ?? true,
  });
  try {
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return { context, worker, extensionId };
  } catch (error) {
    await context.close();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The extension's service worker did not start (is ${options.extensionDir} a valid build?): ${detail}`,
    );
  }
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}
