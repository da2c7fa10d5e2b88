/** The matcher's public API (DESIGN 4, 5); everything else in lib/match is internal. */
export { compileWatchlist, createWatchlistCompiler, type WatchlistCompiler } from './compile';
export {
  COMPILED_FORMAT, domainOwners, isCompiledWatchlist, matchedEntryAt, targetAt, targetCount,
  type CompiledWatchlist, type MatchTarget,
} from './compiled';
export { scanText } from './scan';
export { assessSurface, type AssessContext, type FieldScanner } from './assess';
export { commonEnds, rescanChanged, type ScannedText } from './rescan';
export { describeTarget } from './describe';
export { foldText } from './fold-text';
export * from './types';
