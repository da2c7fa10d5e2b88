import { chainRecord } from '@/lib/log/chain';
import type { OverrideRecord } from '@/lib/log/types';
import type { Status } from '@/lib/connectors/connector';
import { resolvePolicy } from '@/lib/policy/merge';
import type { Policy } from '@/lib/policy/types';
import { policyView } from '@/lib/policy/view';
import { unchainedRecords } from './log-records';

/** What this browser's user set on the options page. */
export const LOCAL_SETTINGS: Partial<Policy> = {
  firmDomains: ['harrowvale.example'],
  userEmail: 'c.lee@harrowvale.example',
};

/** The status the background would answer with this managed policy (none: `{}`) over LOCAL_SETTINGS. */
export function status(
  managed: Record<string, unknown> = {},
  lastError: string | null = null,
  local: Partial<Policy> = LOCAL_SETTINGS,
): Status {
  return {
    watchlist: {
      source: 'firm',
      sourceLabel: 'https://dms.harrowvale.example/watchlist.csv',
      version: '2025-03-01',
      entryCount: 104_312,
      lastSync: '2025-03-04T08:00:00.000Z',
      lastError,
    },
    policy: policyView(resolvePolicy(managed, local)),
    extensionVersion: '0.1.0',
  };
}

/** `n` chained records, oldest first; record i has reason "reason i" and user "user-i@…". */
export async function records(n: number): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  for (const [i, u] of unchainedRecords(n).entries()) {
    out.push(await chainRecord({ ...u, user: `user-${i + 1}@harrowvale.example` }, out.at(-1) ?? null));
  }
  return out;
}
