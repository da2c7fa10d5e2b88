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
function offsets(lengths: ArrayLike<number>): Uint32Array {
  const start = new Uint32Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) start[i + 1] = (start[i] ?? 0) + (lengths[i] ?? 0);
  return start;
}

type DomainTables = Pick<
  CompiledWatchlist,
  'domains' | 'clientAllowedStart' | 'clientAllowed' | 'domainClientStart' | 'domainClients'
>;

/** Sorted domains (for binary search), each client's allowed ones, and each domain's clients. */
function domainTables(s: CompilerState): DomainTables {
  // The engine's own string sort, then each domain's new place through the pool's index.
  const list = s.domains.list;
  const sorted = list.slice().sort();
  const rank = new Uint32Array(list.length);
  sorted.forEach((domain, i) => (rank[s.domains.ids.get(domain) ?? 0] = i));
  const clientAllowedStart = offsets(s.clients.map((client) => client.allowed.length));
  const clientAllowed = new Uint32Array(clientAllowedStart[s.clients.length] ?? 0);
  const perDomain = new Uint32Array(list.length);
  s.clients.forEach((client, c) => {
    let at = clientAllowedStart[c] ?? 0;
    for (const d of client.allowed) {
      const id = rank[d] ?? 0;
      clientAllowed[at++] = id;
      perDomain[id] = (perDomain[id] ?? 0) + 1;
    }
  });
  // Clients of each domain, in client order: count, then place.
  const domainClientStart = offsets(perDomain);
  const next = domainClientStart.slice(0, list.length);
  const domainClients = new Uint32Array(clientAllowed.length);
  for (let c = 0; c < s.clients.length; c++) {
    for (let k = clientAllowedStart[c] ?? 0; k < (clientAllowedStart[c + 1] ?? 0); k++) {
      const id = clientAllowed[k] ?? 0;
      domainClients[(next[id] = (next[id] ?? 0) + 1) - 1] = c;
    }
  }
  return { domains: sorted, clientAllowedStart, clientAllowed, domainClientStart, domainClients };
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
 * A compiler for watchlist rows (docs/design.md#detection, docs/design.md#budgets). Terms: client
 * numbers and matter numbers (identifiers), client names and aliases (names); matter names are not
 * matched. Each term points at a target: its client, or its matter for matter numbers and aliases
 * on a matter row.
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
