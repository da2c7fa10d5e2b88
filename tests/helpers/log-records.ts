import { buildRecord, type RecordContext } from '@/lib/log/record';
import type { GateDecision, UnchainedRecord } from '@/lib/log/types';

/** A realistic decision: Acme's matter mentioned in a mail to beta.example, sent anyway. */
export function decision(overrides: Partial<GateDecision> = {}): GateDecision {
  return {
    site: 'gmail',
    surface: 'compose',
    action: 'override',
    level: 'critical',
    reasonCode: 'client-authorised',
    reason: 'The client asked for or authorised this',
    matches: [
      {
        kind: 'matter-number',
        clientNumber: 'C-004512',
        clientName: 'Acme Holdings Ltd',
        matterNumber: '12345-0001',
        matchedText: '12345 0001',
        level: 'critical',
      },
    ],
    recipients: ['Ann@Beta.example', 'bob@harrowvale.example'],
    ...overrides,
  };
}

export function context(overrides: Partial<RecordContext> = {}): RecordContext {
  return {
    id: 'rec-1',
    at: '2025-03-04T10:15:00.000Z',
    user: 'c.lee@harrowvale.example',
    extensionVersion: '0.1.0',
    watchlistVersion: 'demo-1',
    logRecipients: 'domain',
    ...overrides,
  };
}

/** `n` distinct unchained records, ids rec-1..rec-n, a minute apart. */
export function unchainedRecords(n: number): UnchainedRecord[] {
  return Array.from({ length: n }, (_, i) =>
    buildRecord(
      decision({ reason: `reason ${i + 1}` }),
      context({ id: `rec-${i + 1}`, at: new Date(Date.UTC(2025, 2, 4, 10, i)).toISOString() }),
    ),
  );
}
