/**
 * Whether a firm list that downloaded is whole and plausible enough to replace the one in force
 * (docs/design.md#watchlist, issue 10 item 8). Pure: it takes what a reader found (counts, where the list stops
 * being whole), never the list's text, so the same rules hold for CSV, JSON and the sealed list.
 */

/** What a reader of any format says about a list it has read to its end. */
export interface ListReading {
  version: string;
  entryCount: number;
  /**
   * Where the list stops being whole, for IT (e.g. "Line 316, the last row, has 3 of the
   * header's 8 fields"); null when it ends the way its format ends.
   */
  cut: string | null;
}

/** The list in force, which a new one is measured against; null before the first firm list. */
export interface LastGood {
  version: string;
  entryCount: number;
}

export type Judgement =
  | { kind: 'apply' }
  /** `message` is for staff, in plain words; `detail` is for the Watchlist tab and IT. */
  | { kind: 'incomplete'; message: string; detail: string }
  | { kind: 'shrunk'; message: string; detail: string; shrinkPercent: number };

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;

/** The share of `before` that `after` lost, in percent (0 when it did not shrink). */
export function shrinkPercent(before: number, after: number): number {
  if (before <= 0 || after >= before) return 0;
  return ((before - after) / before) * 100;
}

/** One decimal, and never rounded down to the limit it broke ("20.01%" is not "20%"). */
function percentText(percent: number): string {
  return `${Math.ceil(percent * 10) / 10}%`;
}

export const INCOMPLETE_MESSAGE =
  'The firm watchlist that was downloaded is incomplete (it was cut off before its end), so it was not used.';

/**
 * Apply, refuse as incomplete, or hold back as shrunk. The first list has nothing to shrink
 * from; `maxShrinkPercent` 100 turns the shrink check off, 0 holds back any shrink.
 */
export function judgeList(reading: ListReading, lastGood: LastGood | null, maxShrinkPercent: number): Judgement {
  if (reading.cut !== null) {
    return {
      kind: 'incomplete',
      message: INCOMPLETE_MESSAGE,
      detail: `${reading.cut} ${count(reading.entryCount)} were read up to there. A list that does not end the way its format ends is taken as cut off in transit or while it was being written, and is not used.`,
    };
  }
  if (lastGood === null) return { kind: 'apply' };
  const shrink = shrinkPercent(lastGood.entryCount, reading.entryCount);
  if (shrink <= maxShrinkPercent) return { kind: 'apply' };
  return {
    kind: 'shrunk',
    shrinkPercent: shrink,
    message: `The new firm watchlist is much shorter than the one in use (${count(reading.entryCount)} instead of ${count(lastGood.entryCount)}), so it was held back and the list in use stays. Please tell your IT team.`,
    detail:
      `Version ${reading.version} has ${count(reading.entryCount)}, ${percentText(shrink)} fewer than the ${count(lastGood.entryCount)} of version ${lastGood.version} in force; ` +
      `policy maxShrinkPercent allows ${maxShrinkPercent}%. It is held back until a newer version within that limit is published, ` +
      `or maxShrinkPercent is raised to at least ${Math.ceil(shrink)} (100 turns this check off).`,
  };
}
