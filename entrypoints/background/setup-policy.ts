import { browser } from 'wxt/browser';
import type { MessageRouter } from '@/lib/platform/messaging';
import { readManagedPolicy, settingsItem } from '@/lib/platform/storage';
import { resolvePolicy, type ResolvedPolicy } from '@/lib/policy/merge';
import { checkSettings } from '@/lib/policy/settings';
import type { EffectivePolicy, Policy } from '@/lib/policy/types';

export interface PolicyService {
  /** The effective policy now; read from storage, so a restarted worker gets the same answer. */
  current(): Promise<EffectivePolicy>;
  /** What was ignored or adjusted while resolving it, in words. */
  issues(): Promise<string[]>;
  /** Called after the effective policy changed (managed policy pushed, settings saved). */
  onChange(cb: (policy: EffectivePolicy) => void): void;
}

const effective = ({ policy, managedKeys }: ResolvedPolicy): EffectivePolicy => ({ policy, managedKeys });

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Policy (DESIGN 8): the firm's managed keys win over the options-page settings. The resolved
 * policy is cached only until storage says either source changed; both listeners are
 * registered here, synchronously, at worker start.
 */
export function setupPolicy(router: MessageRouter): PolicyService {
  const listeners: ((policy: EffectivePolicy) => void)[] = [];
  let cached: Promise<ResolvedPolicy> | null = null;
  let published: string | null = null;
  let saving: Promise<unknown> = Promise.resolve();

  function resolved(): Promise<ResolvedPolicy> {
    if (cached) return cached;
    const loading = Promise.all([readManagedPolicy(), settingsItem.getValue()]).then(([managed, local]) =>
      resolvePolicy(managed, local),
    );
    cached = loading;
    // A failed read is not remembered: the next caller tries again.
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
    return loading;
  }

  /**
   * Tells listeners about a policy that differs from the last one they heard of. Only the
   * start-up read is a silent baseline; any later read is news, even when no baseline was set:
   * a caller of `current()` may have been handed the older read meanwhile.
   */
  function publish(next: ResolvedPolicy, baseline: boolean): void {
    const text = JSON.stringify(effective(next));
    if (text === published) return;
    published = text;
    if (next.issues.length > 0) console.warn('Matterguard policy:', next.issues.join(' '));
    if (baseline) return;
    for (const cb of listeners) cb(effective(next));
  }

  /** Publishes a read once it settles, unless a newer read was started meanwhile (reads may settle out of order). */
  function publishWhenRead(loading: Promise<ResolvedPolicy>, baseline: boolean): void {
    loading
      .then((next) => cached === loading && publish(next, baseline))
      .catch((error: unknown) => console.error('Matterguard: reading policy failed', error));
  }

  function refresh(): void {
    cached = null;
    publishWhenRead(resolved(), false);
  }

  // Managed policy can change while the browser runs (an admin pushes a new GPO).
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') refresh();
  });
  settingsItem.watch(() => refresh());
  publishWhenRead(resolved(), true);

  router.on('getGuardConfig', async ({ site }) => {
    const { policy } = await resolved();
    return { mode: policy.mode, reasons: policy.reasons, enabled: policy.sites[site] !== false };
  });

  router.on('saveSettings', ({ settings }) => {
    // One save at a time: each reads the stored settings the previous one wrote.
    const save = saving.then(async () => {
      const before = await resolved();
      const checked = checkSettings(settings, before.managedKeys);
      if (!checked.ok) throw new Error(checked.error);
      const stored: unknown = await settingsItem.getValue();
      const next: Partial<Policy> = { ...(isRecord(stored) ? stored : {}), ...checked.settings };
      await settingsItem.setValue(next);
      cached = null;
      const after = await resolved();
      publish(after, false);
      return effective(after);
    });
    saving = save.catch(() => undefined);
    return save;
  });

  return {
    current: async () => effective(await resolved()),
    issues: async () => (await resolved()).issues,
    onChange: (cb) => {
      listeners.push(cb);
    },
  };
}
