import { describe, expect, it } from 'vitest';
import { createMergeStream, mergeEntries } from '@/lib/watchlist/merge';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import { entry as watchlistEntry } from '@/tests/helpers/watchlist-entry';

const entry = (over: Partial<WatchlistEntry>): WatchlistEntry =>
  watchlistEntry({
    clientNumber: 'C-004512',
    clientName: 'Acme Holdings Ltd',
    matterNumber: '12345-0001',
    aliases: ['Project Falcon'],
    allowedDomains: ['acme.example'],
    ...over,
  });

describe('mergeEntries', () => {
  it('keeps the firm copy of an entry the user also added, whatever the case or spacing', () => {
    const firm = [entry({ severity: 'block' })];
    const personal = [
      entry({
        source: 'personal',
        clientName: 'ACME  holdings ltd',
        aliases: ['project falcon'],
        allowedDomains: ['gmail.com'],
      }),
    ];
    expect(mergeEntries(firm, personal)).toEqual(firm);
  });

  it.each<[string, Partial<WatchlistEntry>]>([
    ['another matter', { matterNumber: '12345-0002' }],
    ['another client number', { clientNumber: 'C-999999' }],
    ['an extra code name', { aliases: ['Project Falcon', 'Project Osprey'] }],
  ])('keeps a personal entry with %s, marked as personal', (_name, change) => {
    const merged = mergeEntries([entry({})], [entry({ source: 'personal', ...change })]);
    expect(merged.map((e) => e.source)).toEqual(['firm', 'personal']);
  });

  it('shows a personal entry entered twice once', () => {
    const mine = entry({ source: 'personal', clientNumber: 'P-1' });
    expect(mergeEntries([], [mine, { ...mine, aliases: [...mine.aliases] }])).toHaveLength(1);
  });

  it('leaves the firm list as published and does not change its inputs', () => {
    const firm = [entry({}), entry({ matterNumber: '12345-0002' })];
    const merged = mergeEntries(firm, []);
    expect(merged).toEqual(firm);
    merged.push(entry({ clientNumber: 'X' }));
    expect(firm).toHaveLength(2);
  });
});

describe('createMergeStream: the firm list streaming past in batches', () => {
  const firm = [
    entry({}),
    entry({ matterNumber: '12345-0002', aliases: [] }),
    entry({ clientNumber: 'C-9', clientName: 'Beta Industries GmbH', matterNumber: '', aliases: [] }),
  ];

  it('merges as mergeEntries does, whatever the batches', () => {
    const personal = [
      entry({ source: 'personal' }),
      entry({ source: 'personal', clientNumber: 'P-1', clientName: 'Project Heron', aliases: [] }),
    ];
    const merge = createMergeStream(personal);
    for (const e of firm) merge.see([e]);
    expect([...firm, ...merge.rest()]).toEqual(mergeEntries(firm, personal));
    expect(merge.rest().map((e) => e.clientName)).toEqual(['Project Heron']);
  });

  it('treats a bare name the firm list has as a client name as covered, and names the firm entry', () => {
    const mine = entry({
      source: 'personal',
      clientNumber: '',
      matterNumber: '',
      aliases: [],
      clientName: 'beta  INDUSTRIES gmbh',
    });
    const merge = createMergeStream([mine]);
    merge.see(firm);
    expect(merge.rest()).toEqual([]);
    expect(merge.coveredBy(mine)).toBe(firm[2]);
  });

  it('keeps a bare name with something more (an alias), since the firm list does not cover that', () => {
    const mine = entry({
      source: 'personal',
      clientNumber: '',
      matterNumber: '',
      aliases: ['Project Osprey'],
      clientName: 'Beta Industries GmbH',
    });
    const merge = createMergeStream([mine]);
    merge.see(firm);
    expect(merge.rest()).toEqual([mine]);
  });
});
