import { describe, expect, it } from 'vitest';
import { backoffDelay } from '@/lib/log/backoff';
import { chainRecord } from '@/lib/log/chain';
import { batchSize, hecBody, hecEvent, type HecEvent } from '@/lib/log/hec';
import { assessStorage } from '@/lib/log/storage-health';
import type { OverrideRecord } from '@/lib/log/types';
import { unchainedRecords } from '@/tests/helpers/log-records';

async function chainOf(n: number): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  for (const u of unchainedRecords(n)) out.push(await chainRecord(u, out.at(-1) ?? null));
  return out;
}

describe('Splunk HEC events', () => {
  it('carry the whole record with its time in epoch seconds', async () => {
    const [record] = await chainOf(1);
    expect(hecEvent(record!)).toEqual({
      time: Date.parse('2025-03-04T10:00:00.000Z') / 1000,
      host: 'c.lee@harrowvale.example',
      source: 'matterguard',
      sourcetype: 'matterguard:override',
      event: record,
    });
  });

  it('are newline-separated JSON objects in one body', async () => {
    const records = await chainOf(3);
    const lines = hecBody(records).split('\n');
    expect(lines.map((l) => (JSON.parse(l) as HecEvent).event.id)).toEqual(['rec-1', 'rec-2', 'rec-3']);
  });

  it('are batched by count and by size, at least one per batch', async () => {
    const records = await chainOf(5);
    const one = JSON.stringify(hecEvent(records[0]!)).length + 1;
    expect(batchSize(records, { maxRecords: 3, maxBytes: 1e6 })).toBe(3);
    expect(batchSize(records, { maxRecords: 100, maxBytes: one * 2 + 10 })).toBe(2);
    expect(batchSize(records, { maxRecords: 100, maxBytes: 10 })).toBe(1);
  });
});

describe('backoff', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
    [50, 3_600_000],
  ])('after %i failures waits %i ms (before spread)', (failures, ms) => {
    expect(backoffDelay(failures, () => 0)).toBe(ms);
    expect(backoffDelay(failures, () => 1)).toBe(ms * 1.25);
  });
});

describe('storage health', () => {
  const MB = 1024 * 1024;
  it.each([
    ['plenty left', { usage: 20 * MB, quota: 10_000 * MB }, false],
    ['under 50 MB left', { usage: 960 * MB, quota: 1_000 * MB }, true],
    ['90 % of the quota used', { usage: 900 * MB, quota: 1_000 * MB }, true],
  ])('%s', (_name, estimate, low) => {
    const health = assessStorage(estimate)!;
    expect(health.low).toBe(low);
    expect(health.message === null).toBe(!low);
  });

  it('says what is left and that nothing is deleted', () => {
    expect(assessStorage({ usage: 990 * MB, quota: 1_000 * MB })!.message).toBe(
      'Storage is running low: 10 MB left for the override log (990 MB used). Nothing is deleted to make room; export the log and free disk space, or ask IT.',
    );
  });

  it('says nothing without an estimate', () => {
    expect(assessStorage({})).toBeNull();
  });
});
