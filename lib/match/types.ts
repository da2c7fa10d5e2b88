import type { Severity } from '../watchlist/types';

/** The level of one match or of a whole message (docs/design.md#levels). */
export type Level = 'notice' | 'warn' | 'critical';

/** What kind of watched term matched (docs/design.md#detection). */
export type MatchKind = 'client-number' | 'matter-number' | 'client-name' | 'alias';

/** Which watchlist entry a match refers to: enough to name it and to log it, never the body. */
export interface MatchedEntry {
  clientNumber: string;
  clientName: string;
  matterNumber: string;
  severity: Severity;
}

/** One match in one piece of text, with positions in the ORIGINAL (un-normalised) text. */
export interface TextMatch {
  /** Start offset (UTF-16 code units) in the original text, inclusive. */
  start: number;
  /** End offset in the original text, exclusive. */
  end: number;
  /** The original text between start and end, as the user wrote it. */
  text: string;
  kind: MatchKind;
  /** Index into the compiled watchlist's entry table. */
  entryIndex: number;
}

/** A match placed in a field of a compose surface and given its level (docs/design.md#levels). */
export interface AssessedMatch extends TextMatch {
  field: FieldName;
  entry: MatchedEntry;
  level: Level;
  /** Human sentence naming why this level, e.g. "recipient beta.com is outside acme.com". */
  reason: string;
}

/** The text-bearing parts of a surface that are scanned (docs/design.md#surfaces). */
export type FieldName = 'body' | 'subject' | 'attachment' | 'item-name' | 'message';

/** Result of assessing a whole surface: level is the highest of its matches, null if none. */
export interface Assessment {
  level: Level | null;
  matches: AssessedMatch[];
  /** Whether a `block`-severity entry or a critical match is present (policy mode `block` forbids override). */
  blocking: boolean;
}

export const LEVEL_RANK: Record<Level, number> = { notice: 1, warn: 2, critical: 3 };

export function maxLevel(a: Level | null, b: Level | null): Level | null {
  if (a === null) return b;
  if (b === null) return a;
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}
