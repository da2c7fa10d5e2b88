import { browser } from 'wxt/browser';
import { buildRecord } from '@/lib/log/record';
import { createRecordLimiter, type RecordLimiter } from '@/lib/log/record-limit';
import { assessStorage, type StorageEstimateLike } from '@/lib/log/storage-health';
import type { Collector } from '@/entrypoints/background/collector';
import { appendRecord, MatterguardDb, type WriteFailure } from '@/lib/db/db';
import { hasHostAccess } from '@/lib/permissions/host-access';
import { createLogReader } from '@/lib/db/log-reader';
import type { MessageRouter } from '@/lib/messaging/router';
import { pendingCount, readCollectorState } from '@/entrypoints/background/outbox';
import type { LogHealth } from '@/lib/protocol/protocol';
import type { EffectivePolicy } from '@/lib/policy/types';
import type { DiagnosticsService } from './setup-diagnostics';

export interface OverrideLogDeps {
  policy: { current(): Promise<EffectivePolicy> };
  watchlistVersion(): Promise<string>;
  /** The log database; tests pass their own, the worker uses the default `matterguard`. */
  db?: MatterguardDb;
  /** setupCollector's service: told after each record that was queued for it. */
  collector?: Pick<Collector, 'kick'>;
  /** navigator.storage.estimate in the worker; tests pass their own. */
  estimate?: () => Promise<StorageEstimateLike>;
  /** Per-tab rate and size limits (lib/log/record-limit.ts); tests pass one with their own clock. */
  limiter?: RecordLimiter;
  /** Told once per tab when its records are refused. */
  diagnostics?: Pick<DiagnosticsService, 'report'>;
}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).byteLength;

function writeFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The decision could not be recorded: the browser has no storage left for Matterguard. Nothing already recorded was deleted; free disk space and try again.';
  }
  return `The decision could not be recorded: ${error instanceof Error ? error.message : String(error)}`;
}

/** An invalid collector URL from firm policy is kept as written (lib/policy/floor.ts); show it so. */
function originOrAsWritten(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

async function storageEstimate(): Promise<StorageEstimateLike> {
  // Absent in some contexts (and in Node tests): then nothing can be said about storage.
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage.estimate() : {};
}

/**
 * The override log (docs/design.md#override-log). `recordDecision` answers only once the record (and, with a
 * collector, its outbox row) is committed to IndexedDB: the content script releases a held send
 * only after that answer (docs/design.md#nothing-sent-unlogged), so an acknowledged override is never lost to a worker
 * killed mid-write. Delivery to the collector is then kicked without waiting for it.
 */
export function setupOverrideLog(router: MessageRouter, deps: OverrideLogDeps): void {
  const db = deps.db ?? new MatterguardDb();
  const reader = createLogReader(db);
  const estimate = deps.estimate ?? storageEstimate;
  // Kept in memory too: when the disk is full, writing the failure down may fail as well.
  let lastWriteError: WriteFailure | null = null;
  // In the worker's memory: a flood keeps the worker awake, and a restarted one starts afresh.
  const limiter = deps.limiter ?? createRecordLimiter(() => Date.now());
  browser.tabs.onRemoved.addListener((tabId) => limiter.forget(tabId));

  router.on('recordDecision', async (decision, sender) => {
    // The router admits content messages only with a browser-stamped tab.
    const admission = limiter.admit(sender.tab?.id ?? -1, utf8Bytes(JSON.stringify(decision)));
    if (!admission.ok) {
      if (admission.firstForTab)
        deps.diagnostics
          ?.report(decision.site, admission.problem)
          .catch((error: unknown) => console.warn('Matterguard: diagnostic not stored', error));
      throw new Error(admission.reason);
    }
    const [{ policy }, watchlistVersion] = await Promise.all([deps.policy.current(), deps.watchlistVersion()]);
    const record = buildRecord(decision, {
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      user: policy.userEmail.trim() || 'unknown user',
      extensionVersion: browser.runtime.getManifest().version,
      watchlistVersion,
      logRecipients: policy.logRecipients,
    });
    const queue = policy.collectorUrl !== '';
    try {
      const stored = await appendRecord(db, record, { queue });
      if (queue) deps.collector?.kick();
      return { id: stored.id, hash: stored.hash };
    } catch (error) {
      lastWriteError = { at: record.at, message: writeFailure(error) };
      await db.state.put({ key: 'writeError', value: lastWriteError }).catch(() => undefined);
      throw new Error(lastWriteError.message);
    }
  });

  router.on('listLog', async ({ offset, limit, filter }) => reader.page(filter ?? {}, offset, limit));
  router.on('summarizeLog', async ({ filter }) => reader.summary(filter));
  router.on('verifyLog', async () => reader.verify());

  router.on('getLogHealth', async (): Promise<LogHealth> => {
    const [{ policy }, estimated, stored, pending, state] = await Promise.all([
      deps.policy.current(),
      estimate().catch(() => ({})),
      db.state.get('writeError').catch(() => undefined),
      pendingCount(db),
      readCollectorState(db),
    ]);
    const writeError = lastWriteError ?? (stored?.key === 'writeError' ? stored.value : null);
    const hostAccess = policy.collectorUrl ? await hasHostAccess(policy.collectorUrl) : false;
    return {
      storage: assessStorage(estimated),
      writeError,
      collector: policy.collectorUrl
        ? {
            origin: originOrAsWritten(policy.collectorUrl),
            pending,
            failures: state.failures,
            lastError: state.lastError,
            lastSuccessAt: state.lastSuccessAt,
            nextAttemptAt: state.nextAttemptAt === null ? null : new Date(state.nextAttemptAt).toISOString(),
            hostAccess,
          }
        : null,
    };
  });
}
