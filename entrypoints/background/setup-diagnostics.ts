import type { MessageRouter } from '@/lib/messaging/router';
import type { DiagnosticEntry } from '@/lib/protocol/protocol';
import { diagnosticsItem } from '@/lib/storage/items';
import { siteLabel } from '@/lib/log/format';
import type { SiteId } from '@/lib/policy/types';

/**
 * Problems the site adapters report when a page's layout is not what they know (issue 5 "fail
 * visible"): stored as one counted line per site and problem, shown on the options page, so a
 * site that changed its DOM is noticed instead of silently unguarded.
 */

/** Enough for every site and problem many times over; the oldest go first. */
const MAX_ENTRIES = 50;

/** Adds one report to the list (pure: the caller stores the result). */
export function countDiagnostic(
  entries: readonly DiagnosticEntry[],
  site: SiteId,
  problem: string,
  at: string,
): DiagnosticEntry[] {
  const message = `${siteLabel(site)}: ${problem}`;
  const found = entries.find((e) => e.site === site && e.message === message);
  const next = found
    ? { ...found, count: found.count + 1, lastAt: at }
    : { site, message, count: 1, firstAt: at, lastAt: at };
  const rest = entries.filter((e) => e !== found);
  return [next, ...rest].slice(0, MAX_ENTRIES);
}

export interface DiagnosticsService {
  /** Counts a problem the worker itself noticed on a site (e.g. a tab flooding the log). */
  report(site: SiteId, problem: string): Promise<void>;
}

export function setupDiagnostics(router: MessageRouter, now: () => Date = () => new Date()): DiagnosticsService {
  // One write at a time: two frames reporting at once must both be counted.
  let writes: Promise<unknown> = Promise.resolve();
  const report = (site: SiteId, problem: string): Promise<void> => {
    const write = writes.then(async () => {
      await diagnosticsItem.setValue(
        countDiagnostic(await diagnosticsItem.getValue(), site, problem, now().toISOString()),
      );
    });
    writes = write.catch(() => undefined);
    return write;
  };
  router.on('reportDiagnostic', ({ site, problem }) => report(site, problem).then(() => null));
  router.on('listDiagnostics', async () =>
    [...(await diagnosticsItem.getValue())].sort((a, b) => b.lastAt.localeCompare(a.lastAt)),
  );
  return { report };
}
