import { describe, expect, it } from 'vitest';
import { INCOMPLETE_MESSAGE, judgeList, shrinkPercent, type ListReading } from '@/lib/watchlist/plausibility';

const inForce = { version: 'v1', entryCount: 524 };
const whole = (entryCount: number, version = 'v2'): ListReading => ({ version, entryCount, cut: null });

describe('judgeList: a whole list', () => {
  it('is applied when it is the first: there is nothing to shrink from', () => {
    expect(judgeList(whole(3), null, 20)).toEqual({ kind: 'apply' });
  });

  it.each([
    ['grows', 600, 20],
    ['shrinks less than the limit', 420, 20],
    ['shrinks by any amount with the check off (100)', 1, 100],
  ])('is applied when it %s', (_name, count, limit) => {
    expect(judgeList(whole(count), inForce, limit)).toEqual({ kind: 'apply' });
  });

  it('is applied when it shrinks exactly by the limit', () => {
    expect(judgeList(whole(400), { version: 'v1', entryCount: 500 }, 20)).toEqual({ kind: 'apply' });
    expect(judgeList(whole(399), { version: 'v1', entryCount: 500 }, 20).kind).toBe('shrunk');
  });

  it('is held back when it lost more than maxShrinkPercent, with the counts in plain words and the detail for IT', () => {
    const judged = judgeList(whole(315), inForce, 20);
    expect(judged).toEqual({
      kind: 'shrunk',
      shrinkPercent: expect.closeTo(39.885, 2),
      message:
        'The new firm watchlist is much shorter than the one in use (315 entries instead of 524 entries), so it was held back and the list in use stays. Please tell your IT team.',
      detail:
        'Version v2 has 315 entries, 39.9% fewer than the 524 entries of version v1 in force; policy maxShrinkPercent allows 20%. ' +
        'It is held back until a newer version within that limit is published, or maxShrinkPercent is raised to at least 40 (100 turns this check off).',
    });
  });

  it('with maxShrinkPercent 0, holds back any shrink, however small', () => {
    expect(judgeList(whole(523), inForce, 0).kind).toBe('shrunk');
    expect(judgeList(whole(524), inForce, 0).kind).toBe('apply');
  });

  it('never rounds a shrink down to the limit it broke', () => {
    const judged = judgeList(whole(4_999), { version: 'v1', entryCount: 6_250 }, 20);
    expect(judged).toMatchObject({ kind: 'shrunk', detail: expect.stringContaining('20.1% fewer') });
  });
});

describe('judgeList: a list that is not whole', () => {
  const cut: ListReading = {
    version: 'x',
    entryCount: 315,
    cut: 'Line 317, the last row, has 2 of the header\u2019s 8 fields and has no line break after it.',
  };

  it('is refused, whatever its size, with where it was cut', () => {
    for (const lastGood of [null, inForce, { version: 'v0', entryCount: 10 }]) {
      expect(judgeList(cut, lastGood, 100)).toEqual({
        kind: 'incomplete',
        message: INCOMPLETE_MESSAGE,
        detail: expect.stringMatching(/^Line 317, the last row, .* 315 entries were read up to there\. /),
      });
    }
  });
});

describe('shrinkPercent', () => {
  it('is the share lost, and 0 for growth or no list before', () => {
    expect(shrinkPercent(300, 200)).toBeCloseTo(33.33, 2);
    expect(shrinkPercent(300, 301)).toBe(0);
    expect(shrinkPercent(0, 5)).toBe(0);
  });
});
