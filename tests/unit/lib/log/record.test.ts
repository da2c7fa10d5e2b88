import { describe, expect, it } from 'vitest';
import { buildRecord, reduceRecipients } from '@/lib/log/record';
import type { GateDecision } from '@/lib/log/types';
import type { LogRecipients } from '@/lib/policy/types';
import { context, decision } from '@/tests/helpers/log-records';

describe('buildRecord', () => {
  it('keeps who, when, where, what matched and why', () => {
    const record = buildRecord(decision(), context());
    expect(record).toEqual({
      id: 'rec-1',
      at: '2025-03-04T10:15:00.000Z',
      user: 'c.lee@harrowvale.example',
      site: 'gmail',
      surface: 'compose',
      action: 'override',
      level: 'critical',
      reason: 'The client asked for or authorised this',
      reasonCode: 'client-authorised',
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
      recipients: ['beta.example', 'harrowvale.example'],
      extensionVersion: '0.1.0',
      watchlistVersion: 'demo-1',
    });
  });

  it('never carries message text that arrived alongside the decision', () => {
    const body = 'Dear Ann, the Acme deal closes Friday at 40m';
    const tainted = {
      ...decision(),
      body,
      subject: body,
      matches: [{ ...decision().matches[0]!, context: body }],
    } as unknown as GateDecision;
    const record = buildRecord(tainted, context());
    expect(JSON.stringify(record)).not.toContain('closes Friday');
    expect(Object.keys(record).sort()).toEqual([
      'action',
      'at',
      'extensionVersion',
      'id',
      'level',
      'matches',
      'reason',
      'reasonCode',
      'recipients',
      'site',
      'surface',
      'user',
      'watchlistVersion',
    ]);
  });
});

describe('reduceRecipients', () => {
  const recipients = [
    'Ann@Beta.example',
    ' bob@harrowvale.example ',
    'ann@beta.example',
    'carol@beta.example',
    '#deal-team',
    '',
  ];
  it.each<[LogRecipients, string[]]>([
    ['full', ['ann@beta.example', 'bob@harrowvale.example', 'carol@beta.example', '#deal-team']],
    ['domain', ['beta.example', 'harrowvale.example']],
    ['none', []],
  ])('policy %s keeps %j', (mode, expected) => {
    expect(reduceRecipients(recipients, mode)).toEqual(expected);
  });
});
