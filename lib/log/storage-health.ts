/*
 * When is storage "low" (issue 6)? The log is never truncated to make room, so people must hear
 * early enough to act. Low means either:
 *  - less than 50 MiB left: ~70,000 more records at ~700 bytes each, weeks for the busiest user,
 *    but a full disk is close; or
 *  - 90 % or more of the quota used: the browser may start refusing writes to this origin.
 * (The extension has `unlimitedStorage`, so the quota is usually the free disk space.)
 */
export const LOW_STORAGE = { minFreeBytes: 50 * 1024 * 1024, maxUsedRatio: 0.9 } as const;

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export interface StorageHealth {
  usage: number;
  quota: number;
  low: boolean;
  /** What a person should read when it is low, null otherwise. */
  message: string | null;
}

function size(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb.toFixed(mb < 10 ? 1 : 0)} MB`;
}

/** null when the browser gives no estimate (then nothing can be said). */
export function assessStorage(estimate: StorageEstimateLike): StorageHealth | null {
  if (typeof estimate.usage !== 'number' || typeof estimate.quota !== 'number' || estimate.quota <= 0) return null;
  const { usage, quota } = estimate;
  const free = Math.max(0, quota - usage);
  const low = free < LOW_STORAGE.minFreeBytes || usage / quota >= LOW_STORAGE.maxUsedRatio;
  const message = low
    ? `Storage is running low: ${size(free)} left for the override log (${size(usage)} used). ` +
      'Nothing is deleted to make room; export the log and free disk space, or ask IT.'
    : null;
  return { usage, quota, low, message };
}
