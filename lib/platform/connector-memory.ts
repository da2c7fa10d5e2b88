import type { OverrideRecord } from '../log/types';
import type { EffectivePolicy, Policy } from '../policy/types';
import type { Connector, Status } from './connector';
import type { TabState } from './protocol';

export interface MemoryConnectorInit {
  status: Status;
  records?: OverrideRecord[];
  tabStates?: Record<number, TabState>;
  activeTabId?: number | null;
  /** When set, saveSettings rejects with this message (a full quota, a bad value…). */
  saveError?: string;
}

/** What the memory twin remembers having been asked, for tests to check. */
export interface MemoryConnector extends Connector {
  readonly saved: Partial<Policy>[];
  readonly optionsOpened: number;
}

/**
 * The in-memory twin of the background connector (STYLE "UI", Dark Reader's mock connector):
 * same contract, no browser. Managed keys are refused as the background refuses them.
 */
export function createMemoryConnector(init: MemoryConnectorInit): MemoryConnector {
  let status = structuredClone(init.status);
  const records = [...(init.records ?? [])].sort((a, b) => b.seq - a.seq);
  const saved: Partial<Policy>[] = [];
  let optionsOpened = 0;

  function saveSettings(settings: Partial<Policy>): EffectivePolicy {
    if (init.saveError) throw new Error(init.saveError);
    const locked = Object.keys(settings).filter((k) => status.policy.managedKeys.includes(k as keyof Policy));
    if (locked.length > 0) throw new Error(`Set by your firm: ${locked.join(', ')}.`);
    saved.push(settings);
    const effective: EffectivePolicy = { ...status.policy, policy: { ...status.policy.policy, ...settings } };
    status = { ...status, policy: effective };
    return structuredClone(effective);
  }

  return {
    saved,
    get optionsOpened() {
      return optionsOpened;
    },
    getStatus: () => Promise.resolve(structuredClone(status)),
    listLog: (offset, limit) => Promise.resolve({ records: records.slice(offset, offset + limit), total: records.length }),
    getTabState: (tabId) => Promise.resolve(init.tabStates?.[tabId] ?? null),
    saveSettings: (settings) => {
      try {
        return Promise.resolve(saveSettings(settings));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    activeTabId: () => Promise.resolve(init.activeTabId ?? null),
    openOptions: () => {
      optionsOpened += 1;
      return Promise.resolve();
    },
  };
}
