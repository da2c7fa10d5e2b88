import { describe, expect, it } from 'vitest';
import { assessSurface, describeTarget, type AssessContext } from '@/lib/match/assess';
import { compileWatchlist } from '@/lib/match/compile';
import type { Level } from '@/lib/match/types';
import { entry } from '@/tests/helpers/watchlist-entry';

const compiled = compileWatchlist([
  entry({
    clientNumber: 'C-004512',
    clientName: 'Acme Holdings Ltd',
    allowedDomains: ['acme.example', 'shared.example'],
  }),
  entry({
    clientNumber: 'C-004512',
    clientName: 'Acme Holdings Ltd',
    matterNumber: '12345-0001',
    walled: ['j.doe@firm.example'],
  }),
  entry({
    clientNumber: 'C-007731',
    clientName: 'Beta Industries GmbH',
    allowedDomains: ['beta.example', 'shared.example', 'firm.example'],
  }),
  entry({ clientNumber: 'C-3', clientName: 'Gamma Foods', severity: 'notice' }),
  entry({ clientNumber: 'C-4', clientName: 'Delta Mining', severity: 'block', allowedDomains: ['delta.example'] }),
  entry({ clientNumber: 'C-5', clientName: 'Epsilon Labs' }),
]);

function assess(text: string, recipients: string[], audience: AssessContext['audience'] = null) {
  return assessSurface(compiled, [{ name: 'body', text }], { recipients, firmDomains: ['firm.example'], audience });
}

/** The level and reason of the only match in `text`. */
function verdict(text: string, recipients: string[], audience: AssessContext['audience'] = null): [Level, string] {
  const { matches } = assess(text, recipients, audience);
  expect(matches).toHaveLength(1);
  return [matches[0]!.level, matches[0]!.reason];
}

describe('recipients decide the level', () => {
  it.each<[string, string, string[], Level, string]>([
    [
      'all inside the firm',
      'Acme Holdings',
      ['a@firm.example', 'b@firm.example'],
      'notice',
      'all recipients are inside the firm',
    ],
    ['a firm subdomain', 'Acme Holdings', ['a@london.firm.example'], 'notice', 'all recipients are inside the firm'],
    ['the client itself', 'Acme Holdings', ['cfo@acme.example'], 'notice', 'all recipients are at acme.example'],
    [
      'a subdomain of the client',
      'Acme Holdings',
      ['cfo@mail.acme.example'],
      'notice',
      'all recipients are at acme.example',
    ],
    [
      'firm and client',
      'Acme Holdings',
      ['a@firm.example', 'cfo@acme.example'],
      'notice',
      'all recipients are inside the firm or at acme.example',
    ],
    [
      'a domain both clients allow',
      'Acme Holdings',
      ['x@shared.example'],
      'notice',
      'all recipients are at shared.example',
    ],
    [
      'someone outside',
      'Acme Holdings',
      ['a@firm.example', 'x@other.example'],
      'warn',
      'recipient other.example is outside acme.example and shared.example',
    ],
    [
      'two outside',
      'Acme Holdings',
      ['x@other.example', 'y@third.example', 'z@other.example'],
      'warn',
      'recipients other.example and third.example are outside acme.example and shared.example',
    ],
    [
      'outside, for a client with no allowed domains',
      'Epsilon Labs',
      ['x@other.example'],
      'warn',
      'recipient other.example is outside the firm',
    ],
    [
      'upper-case address',
      'Acme Holdings',
      ['X@OTHER.Example'],
      'warn',
      'recipient other.example is outside acme.example and shared.example',
    ],
    [
      "another client's domain",
      'Acme Holdings',
      ['ceo@beta.example'],
      'critical',
      'beta.example belongs to another client, Beta Industries GmbH',
    ],
    [
      "another client's subdomain",
      'Acme Holdings',
      ['a@firm.example', 'ceo@eu.beta.example'],
      'critical',
      'eu.beta.example belongs to another client, Beta Industries GmbH',
    ],
    [
      'a display-name address',
      'Acme Holdings',
      ['"Beta CEO" <CEO@Beta.example>'],
      'critical',
      'beta.example belongs to another client, Beta Industries GmbH',
    ],
    [
      'a firm domain another client lists',
      'Acme Holdings',
      ['a@firm.example'],
      'notice',
      'all recipients are inside the firm',
    ],
    [
      'a walled-off lawyer on the matter',
      'matter 12345-0001',
      ['j.doe@firm.example'],
      'critical',
      'j.doe@firm.example is walled off from this matter',
    ],
    [
      'a walled-off lawyer, written differently',
      'matter 12345-0001',
      ['Jane Doe <J.Doe@Firm.Example>'],
      'critical',
      'j.doe@firm.example is walled off from this matter',
    ],
    [
      'a walled-off lawyer and the client',
      'Acme Holdings',
      ['cfo@acme.example', 'j.doe@firm.example'],
      'critical',
      'j.doe@firm.example is walled off from this client',
    ],
    ['no recipients yet', 'Acme Holdings', [], 'warn', 'no recipients yet'],
  ])('%s', (_why, text, recipients, level, reason) => {
    expect(verdict(text, recipients)).toEqual([level, reason]);
  });
});

describe('conversations without recipients (chat)', () => {
  it.each<[AssessContext['audience'], string[], Level, string]>([
    ['internal', [], 'notice', 'internal conversation'],
    ['external', [], 'warn', 'external conversation'],
    [null, [], 'warn', 'no recipients yet'],
    ['external', ['a@firm.example'], 'warn', 'the conversation includes people outside the firm'],
    ['external', ['cfo@acme.example'], 'notice', 'all recipients are at acme.example'],
  ])('audience %s with %j', (audience, recipients, level, reason) => {
    expect(verdict('Acme Holdings', recipients, audience)).toEqual([level, reason]);
  });
});

describe('entry severity', () => {
  it.each<[string, string[], Level, boolean]>([
    ['Gamma Foods', ['x@other.example'], 'notice', false],
    ['Gamma Foods', ['x@beta.example'], 'critical', true],
    ['Delta Mining', ['x@other.example'], 'warn', true],
    ['Delta Mining', ['x@delta.example'], 'notice', false],
    ['Acme Holdings', ['x@other.example'], 'warn', false],
    ['Acme Holdings', ['x@beta.example'], 'critical', true],
  ])('%s to %j is %s, blocking %s', (text, recipients, level, blocking) => {
    const result = assess(text, recipients);
    expect([result.level, result.blocking]).toEqual([level, blocking]);
  });

  it('a notice-severity entry keeps the reason while capped at notice', () => {
    expect(verdict('Gamma Foods', ['x@other.example'])).toEqual([
      'notice',
      'recipient other.example is outside the firm',
    ]);
  });
});

describe('a whole surface', () => {
  it('assesses every field and every client, and the highest level wins', () => {
    const result = assessSurface(
      compiled,
      [
        { name: 'subject', text: 'Acme Holdings / Gamma Foods' },
        { name: 'body', text: 'Re matter 12345-0001 and Epsilon Labs.' },
        { name: 'attachment', text: 'delta-mining.pdf' },
      ],
      { recipients: ['x@other.example', 'j.doe@firm.example'], firmDomains: ['FIRM.example'], audience: null },
    );
    expect(result.matches.map((m) => [m.field, m.text, describeTarget(m.entry), m.level])).toEqual([
      ['subject', 'Acme Holdings', 'Acme Holdings Ltd (C-004512)', 'critical'],
      ['subject', 'Gamma Foods', 'Gamma Foods (C-3)', 'notice'],
      ['body', '12345-0001', 'Acme Holdings Ltd — matter 12345-0001', 'critical'],
      ['body', 'Epsilon Labs', 'Epsilon Labs (C-5)', 'warn'],
      ['attachment', 'delta-mining', 'Delta Mining (C-4)', 'warn'],
    ]);
    expect(result.level).toBe('critical');
    expect(result.blocking).toBe(true);
  });

  it('names the other client whose contact is among the recipients', () => {
    expect(verdict('Gamma Foods', ['cfo@acme.example'])).toEqual([
      'critical',
      'acme.example belongs to another client, Acme Holdings Ltd',
    ]);
  });

  it('the level is the highest of its matches', () => {
    const result = assess('Gamma Foods and Epsilon Labs', ['x@other.example']);
    expect(result.matches.map((m) => m.level)).toEqual(['notice', 'warn']);
    expect([result.level, result.blocking]).toEqual(['warn', false]);
  });

  it('carries the entry and the original positions of each match', () => {
    const [m] = assess('Dear ACME  Holdings,', ['x@other.example']).matches;
    expect(m).toMatchObject({
      start: 5,
      end: 19,
      text: 'ACME  Holdings',
      kind: 'client-name',
      field: 'body',
      entry: { clientNumber: 'C-004512', clientName: 'Acme Holdings Ltd', matterNumber: '', severity: 'warn' },
    });
  });

  it('a surface that mentions nothing has no level', () => {
    expect(assess('Lunch on Friday?', ['x@beta.example'])).toEqual({ level: null, matches: [], blocking: false });
  });
});

describe('describeTarget', () => {
  it.each([
    [
      { clientNumber: 'C-004512', clientName: 'Acme Holdings Ltd', matterNumber: '12345-0001' },
      'Acme Holdings Ltd — matter 12345-0001',
    ],
    [{ clientNumber: 'C-004512', clientName: 'Acme Holdings Ltd', matterNumber: '' }, 'Acme Holdings Ltd (C-004512)'],
    [{ clientNumber: '', clientName: 'Project Nimbus', matterNumber: '' }, 'Project Nimbus'],
    [{ clientNumber: 'C-9', clientName: '', matterNumber: '' }, 'C-9'],
    [{ clientNumber: 'C-9', clientName: '', matterNumber: '0001' }, 'C-9 — matter 0001'],
  ])('%j -> %s', (e, text) => {
    expect(describeTarget({ ...e, severity: 'warn' })).toBe(text);
  });
});
