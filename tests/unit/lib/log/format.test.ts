import { describe, expect, it } from 'vitest';
import { actionLabel, clientMatterLines, levelLabel, matchedWords, siteLabel } from '@/lib/log/format';
import type { LoggedMatch } from '@/lib/log/types';

const acme = { clientNumber: 'C-004512', clientName: 'Acme Holdings Ltd', level: 'warn' } as const;
const matches: LoggedMatch[] = [
  { ...acme, kind: 'matter-number', matterNumber: '12345-0001', matchedText: '12345 0001' },
  { ...acme, kind: 'alias', matterNumber: '12345-0001', matchedText: 'Project Falcon' },
  { ...acme, kind: 'client-name', matterNumber: '', matchedText: 'ACME Holdings' },
  { ...acme, kind: 'client-name', matterNumber: '', matchedText: 'acme holdings' },
  {
    kind: 'client-number',
    clientNumber: 'C-007731',
    clientName: '',
    matterNumber: '',
    matchedText: 'C-007731',
    level: 'warn',
  },
];

describe('log wording', () => {
  it('names each client and matter once', () => {
    expect(clientMatterLines(matches)).toEqual([
      'Acme Holdings Ltd (C-004512) · matter 12345-0001',
      'Acme Holdings Ltd (C-004512)',
      'C-007731',
    ]);
  });

  it('lists each matched word once, as first written', () => {
    expect(matchedWords(matches)).toEqual(['12345 0001', 'Project Falcon', 'ACME Holdings', 'C-007731']);
  });

  it.each([
    ['gmail', 'Gmail'],
    ['google-chat', 'Google Chat'],
    ['future-site', 'future-site'],
  ])('site %s reads %s', (site, label) => {
    expect(siteLabel(site)).toBe(label);
  });

  it('says what happened and how serious it was in words', () => {
    expect([actionLabel('override'), actionLabel('went-back'), actionLabel('blocked'), actionLabel('audited')]).toEqual(
      ['Sent anyway', 'Went back', 'Blocked', 'Sent (audit only)'],
    );
    expect([levelLabel('notice'), levelLabel('warn'), levelLabel('critical')]).toEqual([
      'Notice',
      'Warning',
      'Critical',
    ]);
  });
});
