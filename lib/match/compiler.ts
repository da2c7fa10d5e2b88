import type { WatchlistEntry } from '../watchlist/types';
import { addAddresses, detach, mergeRow, severityRank, type ClientDraft, type DomainPool } from './clients';
import { growableU32, growableU8, push, pushText, type Growable } from './growable';
import { createTableBuilder, type TableBuilder } from './hash-table';
import {
  KIND_ALIAS,
  KIND_CLIENT_NAME,
  KIND_CLIENT_NUMBER,
  KIND_MATTER_NUMBER,
  hitOf,
  identifierKeys,
  insertIdentifier,
  insertName,
} from './terms';
import { wordQuads } from './tokenize';

/** Targets while compiling, by index: client, severity rank, matter number (UTF-8), walls. */
export interface TargetDrafts {
  client: Growable<Uint32Array>;
  severity: Growable<Uint8Array>;
  matterBytes: Growable<Uint8Array>;
  /** Where each target's matter number ends in matterBytes. */
  matterEnd: Growable<Uint32Array>;
  walled: Map<number, Set<string>>;
}

/** Everything a compile accumulates; `flatten` (compile.ts) turns it into plain data. */
export interface CompilerState {
  table: TableBuilder;
  clients: ClientDraft[];
  byNumber: Map<string, number>;
  domains: DomainPool;
  /** Rows without a client number wait for the end: they join a numbered client by name. */
  unnumbered: WatchlistEntry[];
  /** The client of the last numbered row (its number as kept, not the row's own string). */
  lastNumber: string | null;
  lastClient: number;
  targets: TargetDrafts;
}

export function createState(expectedEntries: number): CompilerState {
  const targetsExpected = Math.max(1024, Math.ceil(expectedEntries * 1.1));
  return {
    // A matter row adds 1-2 keys (its number, and where a text may split it), a client ~6 (its
    // number, its name's words and suffix variants): ~2 per row at ten matters a client (1.9
    // measured on the bench list). Sized so the table needs
    // neither growing nor shrinking: each would rehash every key.
    table: createTableBuilder(Math.max(expectedEntries * 2, 1024)),
    clients: [],
    byNumber: new Map(),
    domains: { ids: new Map(), list: [], lastRaw: null, lastClient: null },
    unnumbered: [],
    lastNumber: null,
    lastClient: -1,
    // Sized for the rows expected (a target per matter row, ~12 bytes of matter number), so a
    // million rows are not copied into twice-as-large arrays again and again.
    targets: {
      client: growableU32(targetsExpected),
      severity: growableU8(targetsExpected),
      matterBytes: growableU8(targetsExpected * 12),
      matterEnd: growableU32(targetsExpected),
      walled: new Map(),
    },
  };
}

function newTarget(t: TargetDrafts, client: number, matter: string): number {
  push(t.client, client);
  push(t.severity, 0);
  pushText(t.matterBytes, matter);
  push(t.matterEnd, t.matterBytes.length);
  return t.client.length - 1;
}

/** A new client; `name` is only a label (not matched) for code-name-only rows. */
function newClient(s: CompilerState, number: string, name: string, matchName: boolean): number {
  const c = s.clients.length;
  const target = newTarget(s.targets, c, '');
  s.clients.push({
    number: detach(number),
    name: detach(name),
    target,
    severity: 0,
    ownSeverity: -1,
    allowed: [],
    walledAll: null,
    walledOwn: null,
    aliases: null,
  });
  if (number !== '') insertIdentifier(s.table, identifierKeys(number), hitOf(target, KIND_CLIENT_NUMBER));
  if (matchName) insertName(s.table, name, hitOf(target, KIND_CLIENT_NAME));
  return c;
}

/**
 * The matter target of a row, given the hits its number's key already has: the client's earlier
 * target for this matter number (however punctuated), or a new one.
 */
function matterTarget(s: CompilerState, c: number, e: WatchlistEntry, hits: readonly number[]): number {
  const t = s.targets;
  let target = -1;
  for (const h of hits) {
    if ((h & 3) === KIND_MATTER_NUMBER && t.client.data[h >>> 2] === c) target = h >>> 2;
  }
  if (target < 0) target = newTarget(t, c, e.matterNumber.trim());
  t.severity.data[target] = Math.max(t.severity.data[target] ?? 0, severityRank(e.severity));
  if (e.walled.length > 0) {
    const walls = addAddresses(t.walled.get(target) ?? null, e.walled);
    if (walls !== null) t.walled.set(target, walls);
  }
  return target;
}

function addRow(s: CompilerState, c: number, e: WatchlistEntry): void {
  const client = s.clients[c] as ClientDraft;
  const name = e.clientName.trim();
  // A row may name the client differently (a former name): match that spelling too.
  if (name !== '' && name !== client.name) {
    if (client.name === '') client.name = detach(name);
    insertName(s.table, name, hitOf(client.target, KIND_CLIENT_NAME));
  }
  const keys = e.matterNumber.trim() === '' ? null : identifierKeys(e.matterNumber);
  const matterRow = keys !== null && keys.length > 0;
  mergeRow(client, e, matterRow, s.domains);
  let target = client.target;
  if (keys !== null && matterRow) {
    insertIdentifier(s.table, keys, (hits) => hitOf((target = matterTarget(s, c, e, hits)), KIND_MATTER_NUMBER));
  }
  for (const alias of e.aliases) {
    const trimmed = alias.trim();
    const key = trimmed.toLowerCase();
    const prior = client.aliases?.find((a) => a.key === key);
    if (prior === undefined) {
      // A key that lower-casing changed is a new string already; only an unchanged one is still a view into the CSV.
      const draft = { key: key === trimmed ? detach(key) : key, text: detach(alias), target };
      // A literal holds exactly one: a first push would reserve 17 slots (see mergeRow).
      if (client.aliases === null) client.aliases = [draft];
      else client.aliases.push(draft);
    } else if (prior.target !== target) prior.target = client.target;
  }
}

/** Adds one row. Rows may stream in (from a CSV parser) and need not be kept by the caller. */
export function addEntry(s: CompilerState, e: WatchlistEntry): void {
  const number = e.clientNumber.trim();
  if (number === '') {
    s.unnumbered.push(e);
    return;
  }
  // A client's rows usually come together: the previous row's client is checked first.
  let c = number === s.lastNumber ? s.lastClient : s.byNumber.get(number);
  if (c === undefined) {
    c = newClient(s, number, e.clientName.trim(), true);
    s.byNumber.set((s.clients[c] as ClientDraft).number, c);
  }
  s.lastNumber = (s.clients[c] as ClientDraft).number;
  s.lastClient = c;
  addRow(s, c, e);
}

const nameKey = (name: string): string => wordQuads(name).join(',');

/**
 * Places the waiting unnumbered rows (a personal copy of a firm client joins that client, so it
 * is not reported twice), then gives matter targets what their client's own rows say: a wall or
 * a severity on the client covers each of its matters; then inserts the aliases.
 */
export function settle(s: CompilerState): void {
  if (s.unnumbered.length > 0) {
    const byName = new Map<string, number>();
    s.clients.forEach((client, c) => {
      const key = nameKey(client.name);
      if (key !== '' && !byName.has(key)) byName.set(key, c);
    });
    for (const e of s.unnumbered) {
      const key = nameKey(e.clientName);
      let c = key === '' ? undefined : byName.get(key);
      if (c === undefined) {
        c = newClient(s, '', e.clientName.trim() || (e.aliases[0] ?? '').trim(), key !== '');
        if (key !== '') byName.set(key, c);
      }
      addRow(s, c, e);
    }
    s.unnumbered = [];
  }
  const t = s.targets;
  for (let target = 0; target < t.client.length; target++) {
    const client = s.clients[t.client.data[target] ?? 0] as ClientDraft;
    const own = target === client.target;
    t.severity.data[target] = own ? client.severity : Math.max(t.severity.data[target] ?? 0, client.ownSeverity);
    const extra = own ? client.walledAll : client.walledOwn;
    if (extra !== null) t.walled.set(target, new Set([...(t.walled.get(target) ?? []), ...extra]));
  }
  for (const client of s.clients) {
    for (const { text, target } of client.aliases ?? []) insertName(s.table, text, hitOf(target, KIND_ALIAS));
    client.aliases = null;
  }
}
