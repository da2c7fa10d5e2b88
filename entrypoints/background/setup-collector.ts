import { browser } from 'wxt/browser';
import { COLLECTOR_ALARM, createCollector, type Collector } from '@/entrypoints/background/collector';
import { MatterguardDb } from '@/lib/db/db';
import type { EffectivePolicy } from '@/lib/policy/types';

export interface CollectorSetupDeps {
  policy: { current(): Promise<EffectivePolicy>; onChange(cb: (policy: EffectivePolicy) => void): void };
  /** The log database; share the override log's. */
  db?: MatterguardDb;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
}

/**
 * Central collection (docs/design.md#central-collection): delivers the outbox to policy `collectorUrl`. The retry alarm
 * listener is registered here, synchronously, at worker start; what an earlier worker left in
 * the outbox is picked up at once (or at its retry time if it was backing off).
 */
export function setupCollector(deps: CollectorSetupDeps): Collector {
  const db = deps.db ?? new MatterguardDb();
  const collector = createCollector({
    db,
    async config() {
      const { policy } = await deps.policy.current();
      return policy.collectorUrl ? { url: policy.collectorUrl, token: policy.collectorToken } : null;
    },
    fetch: deps.fetch,
    now: deps.now,
    random: deps.random,
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === COLLECTOR_ALARM)
      collector.deliverNow().catch((error: unknown) => console.error('Matterguard collector:', error));
  });

  // A new collector or token deserves a fresh try, not the old one's backoff.
  let last = '';
  deps.policy.current().then(
    ({ policy }) => {
      last = `${policy.collectorUrl}\n${policy.collectorToken}`;
    },
    () => undefined, // the policy service reports its own failures
  );
  deps.policy.onChange(({ policy }) => {
    const now = `${policy.collectorUrl}\n${policy.collectorToken}`;
    if (now === last) return;
    last = now;
    if (policy.collectorUrl)
      collector.reset().catch((error: unknown) => console.error('Matterguard collector:', error));
  });

  collector.resume().catch((error: unknown) => console.error('Matterguard collector:', error));
  return collector;
}
