import { chainRecord } from '@/lib/log/chain';
import type { OverrideRecord } from '@/lib/log/types';
import type { Status } from '@/lib/connectors/connector';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import type { PolicyKey } from '@/lib/policy/types';
import { unchainedRecords } from './log-records';

export function status(managedKeys: PolicyKey[] = [], lastError: string | null = null): Status {
  return {
    watchlist: {
      source: 'firm',
      sourceLabel: 'https://dms.harrowvale.example/watchlist.csv',
      version: '2025-03-01',
      entryCount: 104_312,
      lastSync: '2025-03-04T08:00:00.000Z',
      lastError,
    },
    policy: {
      policy: { ...DEFAULT_POLICY, firmDomains: ['harrowvale.example'], userEmail: 'c.lee@harrowvale.example' },
      managedKeys,
    },
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
