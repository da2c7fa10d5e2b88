import { describe, expect, it } from 'vitest';
import { bucketDays, createSummarizer, emptyCounts, type DayCount } from '@/lib/log/summary';
import type { GateAction } from '@/lib/log/types';

const utcDay = (at: string) => at.slice(0, 10);
const row = (at: string, action: GateAction, clientLabels: string[] = [], matterLabels: string[] = []) => ({
  at,
  action,
  clientLabels,
  matterLabels,
});

describe('the chart summary', () => {
  it('counts decisions per day by action, and the clients and matters most involved', () => {
    const s = createSummarizer(utcDay);
    s.add(row('2025-03-02T10:00:00Z', 'override', ['Acme (C-1)'], ['12345-0001 · Acme']));
    s.add(row('2025-03-01T10:00:00Z', 'went-back', ['Acme (C-1)', 'Beta (C-2)'], ['12345-0001 · Acme']));
    s.add(row('2025-03-02T11:00:00Z', 'override', ['Beta (C-2)']));
    s.add(row('2025-03-02T12:00:00Z', 'blocked', ['Acme (C-1)']));
    const result = s.result(1);
    expect(result.total).toBe(4);
    expect(result.days).toEqual([
      { day: '2025-03-01', counts: { ...emptyCounts(), 'went-back': 1 } },
      { day: '2025-03-02', counts: { ...emptyCounts(), override: 2, blocked: 1 } },
    ]);
    expect(result.clients).toEqual([{ label: 'Acme (C-1)', count: 3 }]);
    expect(result.matters).toEqual([{ label: '12345-0001 · Acme', count: 2 }]);
  });
});

describe('bars over time', () => {
  const day = (d: string, override: number): DayCount => ({ day: d, counts: { ...emptyCounts(), override } });

  it.each<[string, DayCount[], number, number]>([
    ['one bar per day for a month', [day('2025-03-01', 1), day('2025-03-31', 2)], 1, 31],
    ['weeks for a year', [day('2025-01-01', 1), day('2025-12-31', 1)], 7, 53],
    ['months for three years', [day('2023-01-01', 1), day('2025-12-31', 1)], 30, 37],
  ])('%s', (_name, days, width, bars) => {
    const { width: w, buckets } = bucketDays(days, 60);
    expect([w, buckets.length]).toEqual([width, bars]);
    expect(buckets.reduce((n, b) => n + b.total, 0)).toBe(days.reduce((n, d) => n + d.counts.override, 0));
  });

  it('keeps empty days as empty bars, so quiet weeks look quiet', () => {
    const { buckets } = bucketDays([day('2025-03-01', 4), day('2025-03-04', 1)]);
    expect(buckets.map((b) => [b.start, b.total])).toEqual([
      ['2025-03-01', 4],
      ['2025-03-02', 0],
      ['2025-03-03', 0],
      ['2025-03-04', 1],
    ]);
  });

  it('has no bars for no decisions', () => {
    expect(bucketDays([]).buckets).toEqual([]);
  });
});
