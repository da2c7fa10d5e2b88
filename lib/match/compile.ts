import type { WatchlistEntry } from '../watchlist/types';
import { COMPILED_FORMAT, type CompiledWatchlist } from './compiled';
import { addEntry, createState, settle, type CompilerState } from './compiler';
import { trimmed } from './growable';
import { finishTable } from './hash-table';

export type { CompiledWatchlist } from './compiled';

/** Compiles rows as they arrive, so a 1M-row CSV never has to be held as objects all at once. */
export interface WatchlistCompiler {
  add(entry: WatchlistEntry): void;
  /** The compiled watchlist; the compiler must not be used afterwards. */
  finish(): CompiledWatchlist;
}

/** Start offsets of consecutive runs of the given lengths, plus the end. */
function offsets(lengths: readonly number[]): Uint32Array {
  const start = new Uint32Array(lengths.length + 1);
  lengths.forEach((n, i) => (start[i + 1] = (start[i] ?? 0) + n));
  return start;
}

/** CSR encoding of lists: start offsets (one more than lists) and the flat items. */
function csr(lists: readonly (readonly number[])[]): { start: Uint32Array; items: Uint32Array } {
  const start = offsets(lists.map((l) => l.length));
  const items = new Uint32Array(start[lists.length] ?? 0);
  lists.forEach((l, i) => items.set(l, start[i]));
  return { start, items };
}

type DomainTables = Pick<CompiledWatchlist, 'domains' | 'clientAllowedStart' | 'clientAllowed' | 'domainClientStart' | 'domainClients'>;

/** Sorted domains (for binary search), each client's allowed ones, and each domain's clients. */
function domainTables(s: CompilerState): DomainTables {
  // The engine's own string sort, then each domain's new place through the pool's index.
  const sorted = s.domains.list.slice().sort();
  const rank = new Uint32Array(sorted.length);
  sorted.forEach((domain, i) => (rank[s.domains.ids.get(domain) ?? 0] = i));
  const owners: number[][] = sorted.map(() => []);
  const allowed = s.clients.map((client, c) => client.allowed.map((d) => {
    const id = rank[d] ?? 0;
    owners[id]?.push(c);
    return id;
  }));
  const a = csr(allowed);
  const o = csr(owners);
  return {
    domains: sorted,
    clientAllowedStart: a.start,
    clientAllowed: a.items,
    domainClientStart: o.start,
    domainClients: o.items,
  };
}

function flatten(s: CompilerState): CompiledWatchlist {
  const { table, filter, multi } = finishTable(s.table);
  const t = s.targets;
  const walledTargets = [...t.walled.keys()].sort((x, y) => x - y);
  const walledLists = walledTargets.map((target) => [...(t.walled.get(target) ?? [])].sort());
  return {
    format: COMPILED_FORMAT,
    table,
    filter,
    multi,
    clientNumbers: s.clients.map((c) => c.number),
    clientNames: s.clients.map((c) => c.name),
    targetClient: trimmed(t.client),
    targetSeverity: trimmed(t.severity),
    matterBytes: trimmed(t.matterBytes),
    matterEnd: trimmed(t.matterEnd),
    walledTargets: Uint32Array.from(walledTargets),
    walledStart: offsets(walledLists.map((l) => l.length)),
    walled: walledLists.flat(),
    ...domainTables(s),
    maxTermWords: s.table.maxWords,
  };
}

/**
 * A compiler for watchlist rows (DESIGN 4, 10). Terms: client numbers and matter numbers
 * (identifiers), client names and aliases (names); matter names are not matched. Each term
 * points at a target: its client, or its matter for matter numbers and aliases on a matter row.
 */
export function createWatchlistCompiler(expectedEntries = 0): WatchlistCompiler {
  let state: CompilerState | null = createState(expectedEntries);
  const live = (): CompilerState => {
    if (state === null) throw new Error('This watchlist compiler has already finished');
    return state;
  };
  return {
    add: (entry) => addEntry(live(), entry),
    finish: () => {
      const s = live();
      state = null;
      settle(s);
      return flatten(s);
    },
  };
}

/** Compiles a whole watchlist at once into the matcher's plain-data table. */
export function compileWatchlist(entries: readonly WatchlistEntry[]): CompiledWatchlist {
  const compiler = createWatchlistCompiler(entries.length);
  for (const e of entries) compiler.add(e);
  return compiler.finish();
}
