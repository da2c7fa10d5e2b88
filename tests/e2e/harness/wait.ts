export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns something other than undefined/false, then returns that.
 * On timeout throws `expected` plus what `observed()` reports at that moment, so a failure
 * says both what the test waited for and what the page had instead.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | false>,
  expected: string,
  observed: () => string | Promise<string>,
  { timeoutMs = 10_000, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result !== undefined && result !== false) return result;
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expected}.\n${await observed()}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** For "never happens" checks: resolves after `ms`, which is the observation window. */
export function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
