import type { Severity, WatchlistEntry } from '../watchlist/types';
import { SEVERITIES } from './compiled';

export interface AliasDraft {
  key: string;
  text: string;
  target: number;
}

/** One client while compiling: what its rows say, merged (docs/design.md#file-format, one row per matter). */
export interface ClientDraft {
  number: string;
  name: string;
  /** Its client-level target. */
  target: number;
  /** Highest severity over all the client's rows (index into SEVERITIES). */
  severity: number;
  /** Highest severity over its rows without a matter number; -1 when there are none. */
  ownSeverity: number;
  /** Allowed domains (indexes into the compiler's domain list), union over all rows. */
  allowed: number[];
  /** Walled addresses over all rows (the client target) and over rows without a matter. */
  walledAll: Set<string> | null;
  walledOwn: Set<string> | null;
  /**
   * Aliases with their lower-case text and the target they name: the matter of the one row that
   * lists it, or the client itself once two of its targets list it (a ticker on every matter row
   * names the client, not each matter). Inserted into the term table when the client is
   * complete. A short list, not a Map: most clients have one or two.
   */
  aliases: AliasDraft[] | null;
}

export function severityRank(s: Severity): number {
  const rank = SEVERITIES.indexOf(s);
  return rank < 0 ? 1 : rank;
}

/** Lower case, no `@`, `*.` or trailing dot: how recipients' domains are compared. */
export function normalizeDomain(d: string): string {
  return d
    .trim()
    .toLowerCase()
    .replace(/^@|^\*\./, '')
    .replace(/\.$/, '');
}

/**
 * A copy of `s` that keeps no larger string alive. V8 keeps a substring (a CSV field) as a view
 * into its parent (the whole batch of rows being parsed): a compiled list that kept such views
 * would keep every batch, the whole CSV, in memory. JSON.parse builds a new flat string: one
 * object, where concatenating and slicing makes two (a view of a private copy), which for a
 * million-row list cost ~12 MB more and made sorting the domains three times slower.
 * Short strings are copied anyway.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Lower-case, trimmed, non-empty addresses, added to `set` (created when needed). */
export function addAddresses(set: Set<string> | null, items: readonly string[]): Set<string> | null {
  for (const raw of items) {
    const a = raw.trim().toLowerCase();
    if (a !== '' && !set?.has(a)) (set ??= new Set()).add(detach(a));
  }
  return set;
}

/** Interns domains: the same string always gets the same index. */
export interface DomainPool {
  ids: Map<string, number>;
  list: string[];
  /**
   * The last row's allowed domains and its client: the reader hands consecutive rows that repeat
   * a client's domains the same array (fields.ts), so those rows cost one comparison. Holds one
   * row's array at a time, never a client's.
   */
  lastRaw: readonly string[] | null;
  lastClient: ClientDraft | null;
}

function intern(pool: DomainPool, domain: string): number {
  let id = pool.ids.get(domain);
  if (id === undefined) {
    const kept = detach(domain);
    pool.ids.set(kept, (id = pool.list.length));
    pool.list.push(kept);
  }
  return id;
}

/** Folds one row's client-level facts (severity, allowed domains, walls) into its client. */
export function mergeRow(client: ClientDraft, e: WatchlistEntry, matterRow: boolean, domains: DomainPool): void {
  const rank = severityRank(e.severity);
  client.severity = Math.max(client.severity, rank);
  const raws = e.allowedDomains;
  if (raws !== domains.lastRaw || client !== domains.lastClient) {
    for (const raw of raws) {
      const d = normalizeDomain(raw);
      if (d === '') continue;
      const id = intern(domains, d);
      // An empty array's first push reserves 17 slots; a hundred thousand clients mostly have one.
      if (client.allowed.length === 0) client.allowed = [id];
      else if (!client.allowed.includes(id)) client.allowed.push(id);
    }
    domains.lastRaw = raws;
    domains.lastClient = client;
  }
  if (e.walled.length > 0) client.walledAll = addAddresses(client.walledAll, e.walled);
  if (!matterRow) {
    client.ownSeverity = Math.max(client.ownSeverity, rank);
    if (e.walled.length > 0) client.walledOwn = addAddresses(client.walledOwn, e.walled);
  }
}
