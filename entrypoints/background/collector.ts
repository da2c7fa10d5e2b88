import { browser } from 'wxt/browser';
import { backoffDelay } from '../../lib/log/backoff';
import { hecBody } from '../../lib/log/hec';
import { isHttpsUrl } from '../../lib/policy/keys';
import type { CollectorState, MatterguardDb } from '../../lib/db/db';
import { markDelivered, nextBatch, pendingCount, readCollectorState, writeCollectorState } from './outbox';

/** The alarm that retries delivery after a failure (docs/design.md#central-collection: backoff via browser.alarms). */
export const COLLECTOR_ALARM = 'matterguard:collector';
/** A collector that neither answers nor fails must not hold the queue for ever. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface CollectorConfig {
  url: string;
  token: string;
}

export interface CollectorDeps {
  db: MatterguardDb;
  /** The collector from policy, null when none is set. */
  config(): Promise<CollectorConfig | null>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
}

export interface Collector {
  /** A record was queued: deliver soon, unless backing off (then the alarm will). Never throws. */
  kick(): void;
  /** The retry alarm fired, or the policy changed: deliver now, whatever the backoff. */
  deliverNow(): Promise<void>;
  /** At worker start: carry on with what an earlier worker left queued. */
  resume(): Promise<void>;
  /** Forget the backoff (the firm changed the collector or its token) and deliver now. */
  reset(): Promise<void>;
  /** Resolves when start-up and any running delivery are done (tests, and callers that want to wait). */
  idle(): Promise<void>;
  /**
   * One event that is not an override record (a firm list held back), posted now in HEC form
   * and not queued: the outbox holds only records of the hash chain. Resolves true once the
   * collector accepted it; false with no collector set or on failure (the caller tries again later).
   */
  report(event: object): Promise<boolean>;
}

type Outcome = { ok: true } | { ok: false; error: string };

async function post(doFetch: typeof fetch, config: CollectorConfig, body: string): Promise<Outcome> {
  // Records and token never go out in clear: an invalid collector URL from firm policy is kept
  // as written (lib/policy/floor.ts), and the records wait in the outbox until it is fixed.
  if (!isHttpsUrl(config.url))
    return { ok: false, error: 'The collector address is not an https:// address; records are kept here until it is.' };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (config.token) headers.Authorization = `Splunk ${config.token}`;
  try {
    const response = await doFetch(config.url, {
      method: 'POST',
      headers,
      body,
      // The token must not follow a redirect to another host; a collector URL should be final.
      redirect: 'error',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.ok) return { ok: true };
    const detail = (await response.text().catch(() => '')).trim().slice(0, 200);
    return {
      ok: false,
      error: `The collector answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${detail ? `: ${detail}` : ''}.`,
    };
  } catch (error) {
    return {
      ok: false,
      error: `Could not reach the collector: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}

/**
 * Delivers the outbox to the firm's collector (docs/design.md#central-collection): oldest first, in batches, at least
 * once (a record leaves the outbox only after a 2xx), one delivery at a time per worker, retried
 * with exponential backoff scheduled as a browser alarm (timers die with the worker).
 */
export function createCollector(deps: CollectorDeps): Collector {
  const { db } = deps;
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  let running: Promise<void> | null = null;
  let resuming: Promise<void> = Promise.resolve();
  // Asked again while running: look at the outbox once more (forced: ignore the backoff).
  let again: { force: boolean } | null = null;

  async function deliver(force: boolean): Promise<void> {
    const config = await deps.config();
    if (!config) return;
    let state = await readCollectorState(db);
    if (!force && state.nextAttemptAt !== null && state.nextAttemptAt > now()) return;
    for (;;) {
      const batch = await nextBatch(db);
      if (batch.length === 0) {
        if (state.failures > 0 || state.nextAttemptAt !== null)
          await save({ ...state, failures: 0, nextAttemptAt: null });
        await browser.alarms.clear(COLLECTOR_ALARM);
        return;
      }
      const attemptAt = new Date(now()).toISOString();
      const outcome = await post(doFetch, config, hecBody(batch));
      if (outcome.ok) {
        await markDelivered(
          db,
          batch.map((r) => r.seq),
        );
        state = await save({
          failures: 0,
          nextAttemptAt: null,
          lastAttemptAt: attemptAt,
          lastSuccessAt: attemptAt,
          lastError: null,
        });
        continue;
      }
      const failures = state.failures + 1;
      const nextAttemptAt = now() + backoffDelay(failures, random);
      state = await save({ ...state, failures, nextAttemptAt, lastAttemptAt: attemptAt, lastError: outcome.error });
      await browser.alarms.create(COLLECTOR_ALARM, { when: nextAttemptAt });
      return;
    }
  }

  async function save(state: CollectorState): Promise<CollectorState> {
    await writeCollectorState(db, state);
    return state;
  }

  function run(force: boolean): Promise<void> {
    if (running) {
      again = { force: force || (again?.force ?? false) };
      return running;
    }
    running = (async () => {
      try {
        let next: { force: boolean } | null = { force };
        while (next) {
          again = null;
          await deliver(next.force);
          next = again;
        }
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    kick() {
      run(false).catch((error: unknown) => console.error('Matterguard collector:', error));
    },
    deliverNow: () => run(true),
    resume() {
      resuming = (async () => {
        if ((await pendingCount(db)) === 0 || !(await deps.config())) return;
        const { nextAttemptAt } = await readCollectorState(db);
        // Chrome may drop alarms when the browser restarts; put the retry back where it was.
        if (nextAttemptAt !== null && nextAttemptAt > now()) {
          if (!(await browser.alarms.get(COLLECTOR_ALARM)))
            await browser.alarms.create(COLLECTOR_ALARM, { when: nextAttemptAt });
          return;
        }
        await run(false);
      })();
      return resuming;
    },
    async reset() {
      const state = await readCollectorState(db);
      await save({ ...state, failures: 0, nextAttemptAt: null });
      await run(true);
    },
    async idle() {
      await resuming.catch(() => undefined);
      await running;
    },
    async report(event) {
      const config = await deps.config();
      if (!config) return false;
      return (await post(doFetch, config, JSON.stringify(event))).ok;
    },
  };
}
