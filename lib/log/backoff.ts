/*
 * When to try the collector again after a failure (issue 6): exponential, 30 s doubling to an
 * hour, with up to +25 % random spread so thousands of browsers that lost the same SIEM do not
 * all return in the same second. 30 s is also Chrome's shortest alarm delay for packed extensions.
 */
export const BACKOFF = { baseMs: 30_000, maxMs: 60 * 60_000, spread: 0.25 } as const;

/** Delay before the next attempt after `failures` consecutive failures (1 = the first). */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  const plain = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** exponent);
  return Math.round(plain * (1 + BACKOFF.spread * random()));
}
