/** The matcher's public API (DESIGN 4, 5); everything else in lib/match is internal. */
export { compileWatchlist, createWatchlistCompiler, type WatchlistCompiler } from './compile';
export {
  COMPILED_FORMAT, domainOwners, isCompiledWatchlist, matchedEntryAt, targetAt, targetCount,
  type CompiledWatchlist, type MatchTarget,
} from './compiled';
export { scanText } from './scan';
export { assessSurface, type AssessContext } from './assess';
export { describeTarget } from './describe';
export { foldText } from './fold-text';
export * from './types';
