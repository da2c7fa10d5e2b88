import { browser } from 'wxt/browser';
import { buildRecord } from '@/lib/log/record';
import { appendRecord, listRecords, MatterguardDb } from '@/lib/platform/db';
import type { MessageRouter } from '@/lib/platform/messaging';
import type { EffectivePolicy } from '@/lib/policy/types';

export interface OverrideLogDeps {
  policy: { current(): Promise<EffectivePolicy> };
  watchlistVersion(): Promise<string>;
  /** The log database; tests pass their own, the worker uses the default `matterguard`. */
  db?: MatterguardDb;
}

/**
 * The override log (DESIGN 7). `recordDecision` answers only once the record is committed to
 * IndexedDB: the content script releases a held send only after that answer (DESIGN 11), so
 * an acknowledged override is never lost to a worker killed mid-write.
 */
export function setupOverrideLog(router: MessageRouter, deps: OverrideLogDeps): void {
  const db = deps.db ?? new MatterguardDb();

  router.on('recordDecision', async (decision) => {
    const [{ policy }, watchlistVersion] = await Promise.all([deps.policy.current(), deps.watchlistVersion()]);
    const record = buildRecord(decision, {
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      user: policy.userEmail.trim() || 'unknown user',
      extensionVersion: browser.runtime.getManifest().version,
      watchlistVersion,
      logRecipients: policy.logRecipients,
    });
    const stored = await appendRecord(db, record);
    return { id: stored.id, hash: stored.hash };
  });

  router.on('listLog', async ({ offset, limit }) => listRecords(db, offset, limit));
}
