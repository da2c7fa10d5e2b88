import type { OverrideRecord } from './types';

/*
 * Central collection in Splunk HTTP Event Collector form (docs/design.md#central-collection, issue 6):
 * POST <collectorUrl> with `Authorization: Splunk <token>` and a body of JSON event objects
 * separated by newlines (HEC's batch form, accepted by /services/collector and
 * /services/collector/event). The event is the whole record: its `id` lets the SIEM drop a
 * duplicate after a retry (delivery is at-least-once), and its seq/prevHash/hash let the SIEM's
 * copy be verified like an export.
 */

export const HEC_SOURCE = 'matterguard';
export const HEC_SOURCETYPE = 'matterguard:override';

export interface HecEvent {
  /** Epoch seconds, with milliseconds as the fraction. */
  time: number;
  /** Splunk's host field: a browser has no stable machine name to give, so the user. */
  host: string;
  source: typeof HEC_SOURCE;
  sourcetype: typeof HEC_SOURCETYPE;
  event: OverrideRecord;
}

export function hecEvent(record: OverrideRecord): HecEvent {
  const ms = Date.parse(record.at);
  return {
    time: Number.isNaN(ms) ? 0 : ms / 1000,
    host: record.user,
    source: HEC_SOURCE,
    sourcetype: HEC_SOURCETYPE,
    event: record,
  };
}

/** One POST body for several records. */
export function hecBody(records: OverrideRecord[]): string {
  return records.map((r) => JSON.stringify(hecEvent(r))).join('\n');
}

/** Batch limits: few enough that a slow collector answers in time, small enough for any HEC default. */
export const HEC_BATCH = { maxRecords: 100, maxBytes: 512 * 1024 } as const;

/** How many of `records` (oldest first) go in the next POST: at least one, within HEC_BATCH. */
export function batchSize(
  records: OverrideRecord[],
  limits: { maxRecords: number; maxBytes: number } = HEC_BATCH,
): number {
  let bytes = 0;
  let n = 0;
  for (const record of records.slice(0, limits.maxRecords)) {
    bytes += JSON.stringify(hecEvent(record)).length + 1;
    if (n > 0 && bytes > limits.maxBytes) break;
    n += 1;
  }
  return n;
}
