import { z } from 'zod';
import type { OverrideRecord } from './types';

/*
 * The shape a record read back from a file must have before its hash is checked. Enumerations
 * are plain strings: a log written by a newer version (a new site, a new action) still verifies.
 * Unknown extra fields are KEPT, not stripped, so a field added to a record afterwards changes
 * its hash and is caught.
 */
const match = z.looseObject({
  kind: z.string(),
  clientNumber: z.string(),
  clientName: z.string(),
  matterNumber: z.string(),
  matchedText: z.string(),
  level: z.string(),
});

const record = z.looseObject({
  id: z.string().min(1),
  at: z.string(),
  user: z.string(),
  site: z.string(),
  surface: z.string(),
  action: z.string(),
  level: z.string(),
  reason: z.string(),
  reasonCode: z.string(),
  matches: z.array(match),
  recipients: z.array(z.string()),
  extensionVersion: z.string(),
  watchlistVersion: z.string(),
  seq: z.number().int().min(1),
  prevHash: z.string(),
  hash: z.string(),
});

/** The record as found (extra fields and all), or why it is not one. */
export function asRecord(value: unknown): { ok: true; record: OverrideRecord } | { ok: false; problem: string } {
  const parsed = record.safeParse(value);
  if (parsed.success) return { ok: true, record: value as OverrideRecord };
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'the record';
  return { ok: false, problem: `Not a Matterguard log record: ${field} ${issue?.message ?? 'is malformed'}.` };
}
