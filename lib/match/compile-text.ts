import { createWatchlistReader, type StreamOptions, type StreamSummary } from '../watchlist/stream';
import { createWatchlistCompiler } from './compile';
import type { CompiledWatchlist } from './compiled';

/** A watchlist file compiled straight from its text, with what its reader said about it. */
export interface CompiledSource extends StreamSummary {
  compiled: CompiledWatchlist;
}

/** Takes a watchlist file piece by piece (a download, a file stream) and compiles it as it goes. */
export interface WatchlistTextCompiler {
  push(text: string): void;
  finish(): CompiledSource;
}

export interface TextCompileOptions extends Omit<StreamOptions, 'onEntry'> {
  /** Rows expected (e.g. bytes / 130), to size the term table once rather than grow it. */
  expectedEntries?: number;
}

/**
 * Compiles a firm or personal list from its text without ever holding its rows (docs/design.md#budgets: a
 * million rows, a 150 MB CSV): the incremental reader hands each row to the compiler and lets
 * it go. When `fatal` is set or `entryCount` is 0 the file is not a usable watchlist and the
 * caller keeps its last good list (docs/design.md#firm-list).
 */
export function createWatchlistTextCompiler(options: TextCompileOptions): WatchlistTextCompiler {
  const compiler = createWatchlistCompiler(options.expectedEntries ?? 0);
  const reader = createWatchlistReader({ ...options, onEntry: (entry) => compiler.add(entry) });
  return {
    push: (text) => reader.push(text),
    finish: () => {
      const summary = reader.finish();
      return { ...summary, compiled: compiler.finish() };
    },
  };
}

/** The same for a text already in memory (an upload, a test). */
export function compileWatchlistText(text: string, options: TextCompileOptions): CompiledSource {
  const compiler = createWatchlistTextCompiler({ expectedEntries: text.length / 130, ...options });
  compiler.push(text);
  return compiler.finish();
}
