import { browser } from 'wxt/browser';
import { MatterguardDb } from '@/lib/db/db';
import { createSecretStore } from '@/lib/db/secrets';
import type { MessageRouter } from '@/lib/messaging/router';
import { readManagedPolicy, settingsItem } from '@/lib/storage/items';
import { resolvePolicy, type ResolvedPolicy } from '@/lib/policy/merge';
import { checkSettings } from '@/lib/policy/settings';
import type { EffectivePolicy, Policy, PolicyView } from '@/lib/policy/types';
import { policyView } from '@/lib/policy/view';

export interface PolicyService {
  /** The effective policy now; read from storage, so a restarted worker gets the same answer. */
  current(): Promise<EffectivePolicy>;
  /** What extension pages may see of it: no collector token; who may change each key. */
  view(): Promise<PolicyView>;
  /** What was ignored or adjusted while resolving it, in words. */
  issues(): Promise<string[]>;
  /** Called after the effective policy changed (managed policy pushed, settings saved). */
  onChange(cb: (policy: EffectivePolicy) => void): void;
}

const effective = ({ policy, managedKeys }: ResolvedPolicy): EffectivePolicy => ({ policy, managedKeys });

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface PolicyDeps {
  /** Where the collector token typed on the options page is kept; the worker's log database. */
  db?: MatterguardDb;
}

/**
 * Policy (docs/design.md#policy): the firm's managed keys win over the options-page settings, and once the
 * firm manages this browser its policy is the floor (lib/policy/floor.ts). The resolved policy
 * is cached only until storage says either source changed; both listeners are registered here,
 * synchronously, at worker start.
 */
export function setupPolicy(router: MessageRouter, deps: PolicyDeps = {}): PolicyService {
  const secrets = createSecretStore(deps.db ?? new MatterguardDb());
  const listeners: ((policy: EffectivePolicy) => void)[] = [];
  let cached: Promise<ResolvedPolicy> | null = null;
  let published: string | null = null;
  let saving: Promise<unknown> = Promise.resolve();

  /** Earlier versions kept a typed token in storage.local `settings`: moved out, once. */
  async function moveTokenOut(): Promise<void> {
    const stored: unknown = await settingsItem.getValue();
    if (!isRecord(stored) || !Object.hasOwn(stored, 'collectorToken')) return;
    const { collectorToken, ...rest } = stored;
    if (typeof collectorToken === 'string' && collectorToken.trim() !== '')
      await secrets.setCollectorToken(collectorToken.trim());
    await settingsItem.setValue(rest);
  }
  const moved = moveTokenOut().catch((error: unknown) => console.error('Matterguard: moving the token', error));

  /** The options-page settings with the typed token; without it if the database cannot be read. */
  async function readLocal(): Promise<unknown> {
    await moved;
    const [local, token] = await Promise.all([
      settingsItem.getValue(),
      secrets.collectorToken().catch((error: unknown) => {
        console.error('Matterguard: reading the collector token', error);
        return undefined;
      }),
    ]);
    return token !== undefined && isRecord(local) ? { ...local, collectorToken: token } : local;
  }

  function resolved(): Promise<ResolvedPolicy> {
    if (cached) return cached;
    const loading = Promise.all([readManagedPolicy(), readLocal()]).then(([managed, local]) =>
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
      // Whatever the page sent: keys the firm set or locks are refused here (docs/design.md#policy).
      const checked = checkSettings(settings, before.access, before.policy);
      if (!checked.ok) throw new Error(checked.error);
      const { collectorToken, ...rest } = checked.settings;
      if (collectorToken !== undefined) await secrets.setCollectorToken(collectorToken);
      const stored: unknown = await settingsItem.getValue();
      const next: Partial<Policy> = { ...(isRecord(stored) ? stored : {}), ...rest };
      await settingsItem.setValue(next);
      cached = null;
      const after = await resolved();
      publish(after, false);
      return policyView(after);
    });
    saving = save.catch(() => undefined);
    return save;
  });

  return {
    current: async () => effective(await resolved()),
    view: async () => policyView(await resolved()),
    issues: async () => (await resolved()).issues,
    onChange: (cb) => {
      listeners.push(cb);
    },
  };
}
