import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Policy } from '../../../lib/policy/types';
import { setSettings } from './extension-state';
import { startHarness, type Harness } from './index';

/** The settings most tests start from: the demo firm, its user, warn mode. */
export const BASE_SETTINGS: Partial<Policy> = {
  firmDomains: ['harrowvale.example'],
  userEmail: 'a.lawyer@harrowvale.example',
  mode: 'warn',
};

export interface SuiteOptions {
  /** Once, right after the harness starts: routes, settings for the whole file. */
  setup?: (harness: Harness) => void | Promise<void>;
  /** Written to the extension before each test. */
  settings?: Partial<Policy>;
  /** Before each test, after `settings`: opens the page the test starts on. */
  open?: (harness: Harness) => Promise<unknown>;
  /** After each test: closes what it left open (the page it started on, or one it swapped in). */
  close?: () => Promise<void> | undefined;
}

/**
 * The hooks every end-to-end file (or describe block) repeats: the harness started once and
 * stopped at the end, then per test the settings written, a page opened and closed again.
 * Returns the harness, usable inside tests and hooks (it throws if used before it started).
 */
export function e2eSuite(options: SuiteOptions = {}): Harness {
  let started: Harness | undefined;

  beforeAll(async () => {
    started = await startHarness();
    await options.setup?.(started);
  });
  afterAll(async () => {
    await started?.stop();
    started = undefined;
  });
  const { settings, open, close } = options;
  if (settings || open) {
    beforeEach(async () => {
      if (settings) await setSettings(current().worker, settings);
      await open?.(current());
    });
  }
  if (close) {
    afterEach(async () => {
      await close();
    });
  }

  function current(): Harness {
    if (!started)
      throw new Error('The e2e harness is not running: use it inside a test or hook of the suite that started it.');
    return started;
  }
  return {
    get server() {
      return current().server;
    },
    get context() {
      return current().context;
    },
    get worker() {
      return current().worker;
    },
    get extensionId() {
      return current().extensionId;
    },
    open: (url) => current().open(url),
    stop: () => current().stop(),
  };
}
