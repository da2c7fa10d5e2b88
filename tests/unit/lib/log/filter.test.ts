import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainRecord } from '@/lib/log/chain';
import { facetsOf, fold, recordMatches, type LogFilter } from '@/lib/log/filter';
import type { LoggedMatch, OverrideRecord } from '@/lib/log/types';
import { appendRecord, MatterguardDb } from '@/lib/db/db';
import { matchingSeqs } from '@/lib/db/log-query';
import { createLogReader } from '@/lib/db/log-reader';
import { unchainedRecords } from '@/tests/helpers/log-records';

const acme: LoggedMatch = {
  kind: 'matter-number',
  clientNumber: 'C-004512',
  clientName: 'Acme Holdings Ltd',
  matterNumber: '12345-0001',
  matchedText: '12345 0001',
  level: 'warn',
};
const beta: LoggedMatch = {
  kind: 'client-name',
  clientNumber: 'C-007731',
  clientName: 'Beta Industries GmbH',
  matterNumber: '',
  matchedText: 'Beta Industries',
  level: 'critical',
};
const societe: LoggedMatch = {
  kind: 'client-name',
  clientNumber: 'C-020001',
  clientName: 'Société Générale',
  matterNumber: '55555-0009',
  matchedText: 'Societe Generale',
  level: 'warn',
};

/** Ten records with known differences; seq i+1 for row i. */
const ROWS: Partial<OverrideRecord>[] = [
  {
    at: '2025-03-01T09:00:00.000Z',
    user: 'c.lee@harrowvale.example',
    site: 'gmail',
    action: 'override',
    level: 'warn',
    matches: [acme],
    reason: 'Client asked',
  },
  {
    at: '2025-03-01T23:59:59.999Z',
    user: 'C.Lee@harrowvale.example',
    site: 'outlook',
    action: 'went-back',
    level: 'critical',
    matches: [acme, beta],
  },
  {
    at: '2025-03-02T00:00:00.000Z',
    user: 'a.khan@harrowvale.example',
    site: 'slack',
    action: 'blocked',
    level: 'critical',
    matches: [beta],
  },
  {
    at: '2025-03-05T12:00:00.000Z',
    user: 'a.khan@harrowvale.example',
    site: 'gmail',
    action: 'override',
    level: 'warn',
    matches: [societe],
    reason: 'Public filing',
  },
  {
    at: '2025-03-06T08:30:00.000Z',
    user: 'j.doe@harrowvale.example',
    site: 'teams',
    action: 'audited',
    level: 'notice',
    matches: [acme],
    recipients: ['ann@acme.example'],
  },
  {
    at: '2025-03-07T08:30:00.000Z',
    user: 'j.doe@harrowvale.example',
    site: 'gmail',
    action: 'override',
    level: 'critical',
    matches: [acme, societe],
    reason: 'Recipient works on the matter',
  },
];

let records: OverrideRecord[];
let db: MatterguardDb;

beforeAll(async () => {
  db = new MatterguardDb(`filter-test-${Math.random()}`);
  const base = unchainedRecords(ROWS.length);
  records = [];
  for (const [i, row] of ROWS.entries()) {
    records.push(await appendRecord(db, { ...base[i]!, recipients: [], reason: '', ...row }));
  }
});
afterAll(async () => {
  await db.delete();
});

const seqsWhere = (filter: LogFilter) =>
  records
    .filter((r) => recordMatches(r, filter))
    .map((r) => r.seq)
    .reverse();

describe('log filters', () => {
  it.each<[string, LogFilter, number[]]>([
    ['nothing set: everything', {}, [6, 5, 4, 3, 2, 1]],
    ['a day, from midnight to midnight', { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' }, [2, 1]],
    ['only a start', { from: '2025-03-05T12:00:00.000Z' }, [6, 5, 4]],
    ['only an end (exclusive)', { to: '2025-03-02T00:00:00.000Z' }, [2, 1]],
    ['a user, any case', { user: 'c.lee@HARROWVALE.example' }, [2, 1]],
    ['the start of a user', { user: 'a.k' }, [4, 3]],
    ['a client by number', { client: 'c-007731' }, [3, 2]],
    ['a client by the start of its name', { client: 'acme' }, [6, 5, 2, 1]],
    ['a client without its accents', { client: 'societe gen' }, [6, 4]],
    ['a matter', { matter: '12345-0001' }, [6, 5, 2, 1]],
    ['every matter of a client number', { matter: '55555' }, [6, 4]],
    ['a site', { site: 'gmail' }, [6, 4, 1]],
    ['an action', { action: 'override' }, [6, 4, 1]],
    ['a level', { level: 'critical' }, [6, 3, 2]],
    ['several at once', { site: 'gmail', level: 'critical', client: 'acme' }, [6]],
    ['text in the reason', { text: 'public' }, [4]],
    ['text: every word must appear, anywhere', { text: 'matter recipient' }, [6]],
    ['text in a recipient', { text: 'ann@acme' }, [5]],
    ['text with accents folded', { text: 'GÉNÉRALE' }, [6, 4]],
    ['text and a clause', { text: 'acme', action: 'went-back' }, [2]],
    ['a quoted phrase is one term', { text: '"works on the matter"' }, [6]],
    ['a quoted phrase must appear as written', { text: '"matter works"' }, []],
    ['blank values are ignored', { user: '  ', text: '' }, [6, 5, 4, 3, 2, 1]],
    ['nothing matches', { user: 'nobody' }, []],
  ])('%s', async (_name, filter, expected) => {
    expect(seqsWhere(filter)).toEqual(expected);
    // The database (indexes + facets) and the in-memory twin (recordMatches) agree.
    expect((await matchingSeqs(db, filter)) ?? records.map((r) => r.seq).reverse()).toEqual(expected);
  });
});

describe('paging a filtered log', () => {
  it('pages newest first with the filtered total', async () => {
    const reader = createLogReader(db);
    expect(await reader.page({ site: 'gmail' }, 0, 2)).toEqual({ records: [records[5], records[3]], total: 3 });
    expect(await reader.page({ site: 'gmail' }, 2, 2)).toEqual({ records: [records[0]], total: 3 });
  });

  it('sees a record appended after the first page was read', async () => {
    const local = new MatterguardDb(`filter-grow-${Math.random()}`);
    const reader = createLogReader(local);
    for (const u of unchainedRecords(2)) await appendRecord(local, u);
    expect((await reader.page({ user: 'c.lee' }, 0, 10)).total).toBe(2);
    await appendRecord(local, { ...unchainedRecords(3)[2]!, id: 'late' });
    expect((await reader.page({ user: 'c.lee' }, 0, 10)).records[0]!.id).toBe('late');
    await local.delete();
  });
});

describe('facets', () => {
  it('are derived from the record alone, folded for searching, labelled for the chart', async () => {
    const record = await chainRecord(
      { ...unchainedRecords(1)[0]!, user: 'Zoë.Brandt@Harrowvale.example', matches: [acme, societe] },
      null,
    );
    const facets = facetsOf(record);
    expect(facets.user).toBe('zoe.brandt@harrowvale.example');
    expect(facets.clients).toEqual(['c-004512', 'acme holdings ltd', 'c-020001', 'societe generale']);
    expect(facets.matters).toEqual(['12345-0001', '55555-0009']);
    expect(facets.clientLabels).toEqual(['Acme Holdings Ltd (C-004512)', 'Société Générale (C-020001)']);
    expect(facets.matterLabels).toEqual(['12345-0001 · Acme Holdings Ltd', '55555-0009 · Société Générale']);
  });

  it('fold drops case, accents and compatibility forms', () => {
    expect(fold('  ＡＣＭＥ   Société\tGÉNÉRALE ')).toBe('acme societe generale');
  });
});
