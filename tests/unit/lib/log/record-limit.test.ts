import { describe, expect, it } from 'vitest';
import { createRecordLimiter, RECORD_LIMITS } from '@/lib/log/record-limit';

const KB = 1024;

function limiter() {
  const clock = { now: 0 };
  return { clock, limits: createRecordLimiter(() => clock.now) };
}

describe('per-tab record limits', () => {
  it('lets a tab write 30 records in a row, then refuses the 31st, reporting it once', () => {
    const { limits } = limiter();
    for (let i = 0; i < RECORD_LIMITS.burst; i++) expect(limits.admit(7, 2 * KB)).toEqual({ ok: true });
    const first = limits.admit(7, 2 * KB);
    expect(first).toMatchObject({ ok: false, firstForTab: true });
    if (!first.ok) {
      expect(first.reason).toMatch(/^The decision was not recorded: this tab sent more decisions than a person makes/);
      expect(first.problem).toBe('decision records refused: one tab sent more than 30 a minute or 2.0 MB a minute');
    }
    expect(limits.admit(7, 2 * KB)).toMatchObject({ ok: false, firstForTab: false });
  });

  it('keeps each tab’s allowance apart', () => {
    const { limits } = limiter();
    for (let i = 0; i <= RECORD_LIMITS.burst; i++) limits.admit(7, KB);
    expect(limits.admit(7, KB).ok).toBe(false);
    expect(limits.admit(8, KB)).toEqual({ ok: true });
  });

  it('refills one record every 2 s, up to the burst again', () => {
    const { clock, limits } = limiter();
    for (let i = 0; i < RECORD_LIMITS.burst; i++) limits.admit(7, KB);
    clock.now += 1_999;
    expect(limits.admit(7, KB).ok).toBe(false);
    clock.now += 1;
    expect(limits.admit(7, KB)).toEqual({ ok: true });
    expect(limits.admit(7, KB).ok).toBe(false);
    clock.now += 60 * 60_000;
    for (let i = 0; i < RECORD_LIMITS.burst; i++) expect(limits.admit(7, KB).ok).toBe(true);
    expect(limits.admit(7, KB).ok).toBe(false);
  });

  it('refuses a record over 1 MiB without taking from the allowance', () => {
    const { limits } = limiter();
    const big = limits.admit(7, 1024 * KB + 1);
    expect(big).toMatchObject({ ok: false, firstForTab: true });
    if (!big.ok)
      expect(big.reason).toBe(
        'The decision was not recorded: at 1.0 MB it is larger than a record may be (1.0 MB). Nothing was sent.',
      );
    for (let i = 0; i < RECORD_LIMITS.burst; i++) expect(limits.admit(7, KB).ok).toBe(true);
  });

  it('counts bytes too: 4 MiB in a row, then 2 MiB a minute', () => {
    const { clock, limits } = limiter();
    for (let i = 0; i < 4; i++) expect(limits.admit(7, 1024 * KB).ok).toBe(true);
    expect(limits.admit(7, KB).ok).toBe(false);
    clock.now += 30_000;
    expect(limits.admit(7, 1024 * KB).ok).toBe(true);
    expect(limits.admit(7, KB).ok).toBe(false);
  });

  it('forgets a closed tab, so its id can be reused afresh', () => {
    const { limits } = limiter();
    for (let i = 0; i <= RECORD_LIMITS.burst; i++) limits.admit(7, KB);
    limits.forget(7);
    expect(limits.admit(7, KB)).toEqual({ ok: true });
  });
});
