/**
 * The matcher's public API (docs/design.md#detection, docs/design.md#levels); everything else in lib/match is
 * internal.
 */
export { compileWatchlist, createWatchlistCompiler, type WatchlistCompiler } from './compile';
export {
  COMPILED_FORMAT,
  domainOwners,
  isCompiledWatchlist,
  matchedEntryAt,
  targetAt,
  targetCount,
  type CompiledWatchlist,
  type MatchTarget,
} from './compiled';
export { scanText } from './scan';
export { assessSurface, type AssessContext, type FieldScanner } from './assess';
export { commonEnds, rescanChanged, type ScannedText } from './rescan';
export { createScanCache, DEFAULT_SCAN_CACHE, type ScanCache, type ScanCacheLimits } from './scan-cache';
// compileWatchlistText / createWatchlistTextCompiler (compile-text.ts) are imported by path: they
// pull in the watchlist readers (papaparse), which content scripts must not bundle.
export { describeTarget } from './describe';
export { foldText } from './fold-text';
export * from './types';
