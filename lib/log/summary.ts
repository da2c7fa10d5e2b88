import type { LogFacets } from './filter';
import type { GateAction } from './types';

/** What the log page's chart draws: decisions over time, and the clients and matters most involved. */
export interface LogSummary {
  total: number;
  /** Calendar days with decisions, ascending, counted by action. */
  days: DayCount[];
  /** Most frequent first; at most `top` each. */
  clients: LabelCount[];
  matters: LabelCount[];
}

export type ActionCounts = Record<GateAction, number>;
export interface DayCount {
  /** YYYY-MM-DD in the time zone of whoever summarised. */
  day: string;
  counts: ActionCounts;
}
export interface LabelCount {
  label: string;
  count: number;
}

export const ACTIONS: readonly GateAction[] = ['override', 'blocked', 'went-back', 'audited'];

export function emptyCounts(): ActionCounts {
  return { override: 0, blocked: 0, 'went-back': 0, audited: 0 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant. */
export function localDay(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function top(counts: Map<string, number>, n: number): LabelCount[] {
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, n);
}

export interface Summarizer {
  add(facets: Pick<LogFacets, 'at' | 'action' | 'clientLabels' | 'matterLabels'>): void;
  result(top?: number): LogSummary;
}

/** Summarises facets fed one chunk at a time (a 100,000-record log is never held at once). */
export function createSummarizer(dayOf: (at: string) => string = localDay): Summarizer {
  const days = new Map<string, ActionCounts>();
  const clients = new Map<string, number>();
  const matters = new Map<string, number>();
  let total = 0;
  return {
    add(facets) {
      total += 1;
      const day = dayOf(facets.at);
      const counts = days.get(day) ?? emptyCounts();
      counts[facets.action] = (counts[facets.action] ?? 0) + 1;
      days.set(day, counts);
      for (const label of facets.clientLabels) clients.set(label, (clients.get(label) ?? 0) + 1);
      for (const label of facets.matterLabels) matters.set(label, (matters.get(label) ?? 0) + 1);
    },
    result(n = 8) {
      const sorted = [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, counts]) => ({ day, counts }));
      return { total, days: sorted, clients: top(clients, n), matters: top(matters, n) };
    },
  };
}

export interface Bucket {
  /** First day of the bucket (YYYY-MM-DD). */
  start: string;
  /** Last day of the bucket. */
  end: string;
  counts: ActionCounts;
  total: number;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Groups days into at most `maxBars` equal runs of 1, 7, 30, 90 or 365 days covering the whole
 * span (empty runs included, so gaps in time show as gaps in the chart).
 */
export function bucketDays(days: DayCount[], maxBars = 60): { width: number; buckets: Bucket[] } {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return { width: 1, buckets: [] };
  const span = daysBetween(first.day, last.day) + 1;
  const width = [1, 7, 30, 90, 365].find((w) => Math.ceil(span / w) <= maxBars) ?? Math.ceil(span / maxBars);
  const buckets: Bucket[] = Array.from({ length: Math.ceil(span / width) }, (_, i) => ({
    start: addDays(first.day, i * width),
    end: addDays(first.day, Math.min(span, (i + 1) * width) - 1),
    counts: emptyCounts(),
    total: 0,
  }));
  for (const { day, counts } of days) {
    const bucket = buckets[Math.floor(daysBetween(first.day, day) / width)];
    if (!bucket) continue;
    for (const action of ACTIONS) {
      bucket.counts[action] += counts[action] ?? 0;
      bucket.total += counts[action] ?? 0;
    }
  }
  return { width, buckets };
}
