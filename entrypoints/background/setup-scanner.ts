import { browser } from 'wxt/browser';
import { assessSurface, createScanCache, createWatchlistCompiler, type CompiledWatchlist } from '@/lib/match';
import { createCompiledStore, type CompiledStore } from '@/lib/db/compiled-store';
import type { MessageRouter } from '@/lib/messaging/router';
import { contentRequests, type RequestOf, type ResponseOf } from '@/lib/protocol/protocol';
import { createScanAssembler, type ScanAssembler } from '@/lib/protocol/scan-assembly';
import type { PolicyService } from './setup-policy';
import type { ActiveWatchlist, WatchlistService } from './setup-watchlist';

export interface ScannerDeps {
  watchlist: Pick<WatchlistService, 'active'>;
  policy: Pick<PolicyService, 'current'>;
  /** Where the compiled list is kept across worker restarts. */
  store?: CompiledStore;
  /** Compiles the list in force (tests count the calls). */
  compile?: (active: ActiveWatchlist) => Promise<CompiledWatchlist>;
  /** Puts large requests back together (tests pass one with a clock of their own). */
  assembler?: ScanAssembler;
}

/** Streams the list in force into the compiler: a million rows are never objects all at once. */
export async function compileActive(active: ActiveWatchlist): Promise<CompiledWatchlist> {
  const compiler = createWatchlistCompiler(active.status.entryCount);
  for await (const batch of active.batches()) for (const entry of batch) compiler.add(entry);
  return compiler.finish();
}

/**
 * Scanning runs here, in the background, not in each tab (measured for issue 3):
 * the compiled watchlist exists once per browser instead of once per compose tab (~60 MB for a
 * million rows), and the watchlist never enters a page's process. A content script sends the
 * surface's text and recipients and gets back the matches with their positions and levels.
 *
 * The compiled list is derived state keyed by the list's revision: restored from IndexedDB after
 * a worker restart, compiled (and stored) only when the list changed. Each field's last scan is
 * kept per tab, frame and surface, so a keystroke rescans only around what changed.
 */
export function setupScanner(router: MessageRouter, deps: ScannerDeps): void {
  const store = deps.store ?? createCompiledStore();
  const compile = deps.compile ?? compileActive;
  const cache = createScanCache();
  let current: { revision: string; matcher: Promise<CompiledWatchlist> } | null = null;

  async function restoreOrCompile(active: ActiveWatchlist): Promise<CompiledWatchlist> {
    // A store that cannot be read (quota, a broken database) only costs a compile.
    const stored = await store.load(active.revision).catch(() => null);
    if (stored) return stored;
    const compiled = await compile(active);
    store
      .save(active.revision, compiled)
      .catch((error: unknown) => console.warn('Matterguard: could not keep the compiled watchlist', error));
    return compiled;
  }

  function matcher(active: ActiveWatchlist): Promise<CompiledWatchlist> {
    if (current?.revision !== active.revision) {
      cache.clear();
      const loading = restoreOrCompile(active);
      const entry = { revision: active.revision, matcher: loading };
      current = entry;
      // A failed compile is retried by the next scan, not remembered.
      loading.catch(() => {
        if (current === entry) current = null;
      });
    }
    return current.matcher;
  }

  // Large requests come in pieces (lib/protocol/scan-parts.ts), kept here until the last one.
  const assembler = deps.assembler ?? createScanAssembler({ now: () => Date.now() });
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  // Unfinished transfers go once idle too long, even if no other piece ever comes.
  const scheduleSweep = (): void => {
    clearTimeout(sweepTimer);
    const next = assembler.nextExpiry();
    if (next === null) return;
    sweepTimer = setTimeout(
      () => {
        assembler.sweep();
        scheduleSweep();
      },
      Math.max(0, next - Date.now()) + 10,
    );
  };

  // Registered at start with everything else (CONTRIBUTING.md#background); a closed tab's text goes at once.
  browser.tabs.onRemoved.addListener((tabId) => {
    cache.forget(`${tabId}:`);
    assembler.forgetTab(tabId);
    scheduleSweep();
  });

  async function scan(
    request: RequestOf<'scanSurface'>,
    tab: number,
    frame: number,
  ): Promise<ResponseOf<'scanSurface'>> {
    const [active, { policy }] = await Promise.all([deps.watchlist.active(), deps.policy.current()]);
    const compiled = await matcher(active);
    const firmDomains = policy.firmDomains.length > 0 ? policy.firmDomains : active.firmDomainsFallback;
    const surface = request.surfaceKey;
    // Without a surface key a content script's fields cannot be told apart: scan them whole.
    const scanField =
      surface === undefined
        ? undefined
        : (text: string, field: string, index: number) =>
            cache.scan(compiled, `${tab}:${frame}:${surface}:${index}:${field}`, text);
    const assessment = assessSurface(
      compiled,
      request.fields,
      { recipients: request.recipients, firmDomains, audience: request.audience },
      scanField,
    );
    return { assessment, watchlistVersion: active.status.version };
  }

  router.on('scanSurface', (request, sender) => {
    const origin = { tab: sender.tab?.id ?? -1, frame: sender.frameId ?? 0 };
    // A whole request for a surface makes any unfinished transfer for it stale.
    assembler.supersede(origin, request.surfaceKey);
    scheduleSweep();
    return scan(request, origin.tab, origin.frame);
  });

  router.on('scanSurfacePart', async (part, sender) => {
    const origin = { tab: sender.tab?.id ?? -1, frame: sender.frameId ?? 0 };
    let outcome;
    try {
      outcome = assembler.add(origin, part);
    } finally {
      scheduleSweep();
    }
    if (!outcome.complete) return { done: false };
    // The whole request meets the same bounds as one sent in one message.
    const parsed = contentRequests.scanSurface.safeParse(outcome.request);
    if (!parsed.success)
      throw new Error(`scanSurfacePart: invalid request (${parsed.error.issues[0]?.message ?? 'bad shape'}).`);
    return { done: true, answer: await scan(parsed.data, origin.tab, origin.frame) };
  });
}
