import { describe, expect, it } from 'vitest';
import { loggedMatches, pageState, summarize } from '@/lib/verdict/summary';
import type { AssessedMatch, Assessment, MatchedEntry } from '@/lib/match/types';

const ACME: MatchedEntry = {
  clientNumber: 'C-004512',
  clientName: 'Acme Holdings Ltd',
  matterNumber: '12345-0001',
  severity: 'warn',
};
const ACME_CLIENT: MatchedEntry = { ...ACME, matterNumber: '' };
const ACME_0002: MatchedEntry = { ...ACME, matterNumber: '12345-0002' };
const BETA: MatchedEntry = {
  clientNumber: 'C-007731',
  clientName: 'Beta Industries GmbH',
  matterNumber: '',
  severity: 'warn',
};

function match(entry: MatchedEntry, text: string, over: Partial<AssessedMatch> = {}): AssessedMatch {
  return {
    start: 0,
    end: text.length,
    text,
    kind: 'client-name',
    entryIndex: 0,
    field: 'body',
    entry,
    level: 'warn',
    reason: 'recipient gmail.com is outside acme.example',
    ...over,
  };
}

function assessment(matches: AssessedMatch[]): Assessment {
  return {
    level: matches.some((m) => m.level === 'critical') ? 'critical' : matches.length ? 'warn' : null,
    matches,
    blocking: false,
  };
}

describe('the notice lines', () => {
  it('names each client or matter once, with its reason and the words as written, worst first', () => {
    const items = summarize(
      assessment([
        match(ACME, 'Acme Holdings'),
        match(ACME, '12345-0001', { kind: 'matter-number' }),
        match(ACME, 'Acme Holdings'),
        match(BETA, 'Beta Industries', {
          level: 'critical',
          reason: 'beta.example belongs to another client, Beta Industries GmbH',
        }),
        match(ACME, 'Project Falcon', { field: 'subject', kind: 'alias' }),
      ]),
    );
    expect(items).toEqual([
      {
        level: 'critical',
        target: 'Beta Industries GmbH (C-007731)',
        reason: 'beta.example belongs to another client, Beta Industries GmbH',
        words: ['Beta Industries'],
        elsewhere: [],
        inBody: true,
      },
      {
        level: 'warn',
        target: 'Acme Holdings Ltd — matter 12345-0001',
        reason: 'recipient gmail.com is outside acme.example',
        words: ['Acme Holdings', '12345-0001', 'Project Falcon'],
        elsewhere: ['subject'],
        inBody: true,
      },
    ]);
  });

  it('folds a client named in the text into the line of its matter, and lists several matters on one line', () => {
    const single = summarize(
      assessment([match(ACME_CLIENT, 'Acme Holdings'), match(ACME, '12345-0001', { kind: 'matter-number' })]),
    );
    expect(single.map((i) => [i.target, i.words])).toEqual([
      ['Acme Holdings Ltd — matter 12345-0001', ['Acme Holdings', '12345-0001']],
    ]);
    const two = summarize(
      assessment([match(ACME, '12345-0001'), match(ACME_CLIENT, 'Acme'), match(ACME_0002, '12345 0002')]),
    );
    expect(two.map((i) => i.target)).toEqual(['Acme Holdings Ltd — matters 12345-0001, 12345-0002']);
  });

  it('keeps a client on separate lines when the reasons differ', () => {
    const items = summarize(
      assessment([
        match(ACME_CLIENT, 'Acme'),
        match(ACME, '12345-0001', {
          level: 'critical',
          reason: 'j.doe@harrowvale.example is walled off from this matter',
        }),
      ]),
    );
    expect(items.map((i) => i.target)).toEqual([
      'Acme Holdings Ltd — matter 12345-0001',
      'Acme Holdings Ltd (C-004512)',
    ]);
  });

  it('is empty when nothing matched', () => {
    expect(summarize(assessment([]))).toEqual([]);
  });
});

it('logs the entry and the matched words, never the surrounding text', () => {
  expect(loggedMatches(assessment([match(ACME, '12345-0001', { kind: 'matter-number', start: 40, end: 50 })]))).toEqual(
    [
      {
        kind: 'matter-number',
        clientNumber: 'C-004512',
        clientName: 'Acme Holdings Ltd',
        matterNumber: '12345-0001',
        matchedText: '12345-0001',
        level: 'warn',
      },
    ],
  );
});

it('reports the worst level and the clients named across the page', () => {
  expect(
    pageState([
      assessment([match(ACME, 'Acme')]),
      assessment([]),
      assessment([match(BETA, 'Beta', { level: 'critical' }), match(ACME, 'Acme')]),
    ]),
  ).toEqual({
    level: 'critical',
    matchCount: 3,
    summary: ['Acme Holdings Ltd — matter 12345-0001', 'Beta Industries GmbH (C-007731)'],
  });
  expect(pageState([])).toEqual({ level: null, matchCount: 0, summary: [] });
});
