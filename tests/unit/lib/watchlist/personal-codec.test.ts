import { describe, expect, it } from 'vitest';
import type { PersonalItem } from '@/lib/watchlist/personal';
import {
  chunkKey,
  decodeItem,
  encodeItem,
  itemBytes,
  layoutForSync,
  META_KEY,
  readSyncLayout,
  staleChunkKeys,
  SYNC_QUOTA,
  syncRoom,
  utf8Bytes,
} from '@/lib/watchlist/personal-codec';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import { entry as watchlistEntry } from '@/tests/helpers/watchlist-entry';

const entry = (over: Partial<WatchlistEntry> = {}): WatchlistEntry =>
  watchlistEntry({ clientName: 'Project Heron', source: 'personal', ...over });

describe('encodeItem / decodeItem', () => {
  it.each<[string, PersonalItem, string]>([
    ['a bare term, trailing empty fields left out', { id: 'a1', entry: entry() }, 'a1\t\tProject Heron'],
    [
      'every field',
      {
        id: 'b2',
        entry: entry({
          clientNumber: 'C-1',
          clientName: 'Müller & Söhne GmbH',
          matterNumber: 'M.1',
          matterName: 'Sale',
          aliases: ['Projekt Eisvogel', 'MS'],
          allowedDomains: ['mueller.example'],
          walled: ['a@firm.example'],
          severity: 'block',
        }),
      },
      'b2\tC-1\tMüller & Söhne GmbH\tM.1\tSale\tProjekt Eisvogel;MS\tmueller.example\ta@firm.example\tb',
    ],
    ['a notice', { id: 'c3', entry: entry({ severity: 'notice' }) }, 'c3\t\tProject Heron\t\t\t\t\t\tn'],
  ])('round-trips %s compactly', (_name, item, row) => {
    expect(encodeItem(item)).toBe(row);
    expect(decodeItem(row)).toEqual(item);
  });

  it.each([
    ['not a string', 42],
    ['no id', '\t\tProject'],
    ['an unknown severity', 'x\t\tProject\t\t\t\t\t\tz'],
    ['nothing to match', 'x\t\t'],
  ])('skips a row that is %s', (_name, row) => {
    expect(decodeItem(row)).toBeNull();
  });
});

describe('layoutForSync: the quotas of storage.sync', () => {
  const rows = (n: number, text = 'Project Codename Number') =>
    Array.from({ length: n }, (_, i) => `id${i}\t\t${text} ${i}`);

  it('puts a short list in one chunk plus the meta', () => {
    const layout = layoutForSync(rows(3), 1);
    expect(Object.keys(layout.items)).toEqual([META_KEY, chunkKey(0)]);
    expect(layout.fits).toBe(true);
    expect(readSyncLayout(layout.items)).toEqual({ rows: rows(3), meta: layout.items[META_KEY] });
  });

  it.each([
    ['ASCII', 'Project Codename Number'],
    ['three-byte characters', '東京海上プロジェクト'],
    ['emoji', 'Project 🦅 Eagle'],
  ])('keeps every item under 8 KB measured as key plus JSON in UTF-8 (%s)', (_name, text) => {
    const layout = layoutForSync(rows(900, text), 1);
    const sizes = Object.entries(layout.items).map(([k, v]) => itemBytes(k, v));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    expect(sizes.reduce((a, b) => a + b)).toBe(layout.bytes);
    expect(Object.keys(layout.items).length).toBeGreaterThan(2);
  });

  it('does not fit past 100 KB in all', () => {
    expect(layoutForSync(rows(2000), 1).fits).toBe(true);
    expect(layoutForSync(rows(4000), 1)).toMatchObject({ fits: false, bytes: expect.any(Number) });
    expect(layoutForSync(rows(4000), 1).bytes).toBeGreaterThan(SYNC_QUOTA.totalBytes);
  });

  it('measures UTF-8 as Chrome does', () => {
    expect([utf8Bytes('abc'), utf8Bytes('é'), utf8Bytes('東'), utf8Bytes('🦅')]).toEqual([3, 2, 3, 4]);
  });
});

describe('readSyncLayout: another browser’s list', () => {
  const layout = layoutForSync(
    Array.from({ length: 800 }, (_, i) => `id${i}\t\tProject ${i} with a longer name`),
    5,
  );

  it('reads a complete list', () => {
    expect(readSyncLayout(layout.items)?.valueOf()).toMatchObject({ meta: { count: 800, updatedAt: 5 } });
  });

  it('says "incomplete" while a chunk is missing or stale, and null when there is no list', () => {
    const missing = { ...layout.items };
    delete missing[chunkKey(1)];
    expect(readSyncLayout(missing)).toBe('incomplete');
    expect(readSyncLayout({ ...layout.items, [chunkKey(0)]: ['x\t\tSomething else'] })).toBe('incomplete');
    expect(readSyncLayout({})).toBeNull();
  });

  it('finds the chunks a shorter list leaves behind', () => {
    expect(staleChunkKeys({ personal: {}, 'personal.0': [], 'personal.1': [], 'personal.7': [], other: 1 }, 1)).toEqual(
      ['personal.1', 'personal.7'],
    );
  });
});

describe('syncRoom', () => {
  it('says how many more entries like these fit', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `id${String(i).padStart(6, '0')}\t\tProject ${i}`);
    const room = syncRoom(rows, layoutForSync(rows, 1).bytes);
    expect(room.totalBytes).toBe(102_400);
    expect(room.moreEntries).toBeGreaterThan(2500);
    expect(room.moreEntries).toBeLessThan(4000);
  });
});
