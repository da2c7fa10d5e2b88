import type { Severity } from '../watchlist/types';
import type { MatchKind, MatchedEntry } from './types';

/** Bumped whenever the layout or the hashing changes: a stored copy of another format is recompiled. */
export const COMPILED_FORMAT = 2;

export const KINDS: readonly MatchKind[] = ['client-number', 'matter-number', 'client-name', 'alias'];
export const SEVERITIES: readonly Severity[] = ['notice', 'warn', 'block'];

/**
 * A compiled watchlist: plain data only (typed arrays, arrays of strings, numbers), so it is
 * stored in IndexedDB by structured clone and restored in a restarted service worker as is.
 *
 * Targets are what a match points at (`TextMatch.entryIndex`): one per client (client numbers,
 * client names, aliases on client rows) and one per matter (matter numbers, aliases on matter
 * rows); a client target has an empty matter number. Lists are CSR-encoded: the items of row i
 * are items[start[i]] .. items[start[i + 1] - 1].
 */
export interface CompiledWatchlist {
  format: typeof COMPILED_FORMAT;
  /** Term table, its filter and multi-hit lists, see hash-table.ts. */
  table: Int32Array;
  filter: Int32Array;
  multi: Int32Array;
  clientNumbers: string[];
  clientNames: string[];
  /** Per client: indexes into `domains` of its allowed domains (union over its rows). */
  clientAllowedStart: Uint32Array;
  clientAllowed: Uint32Array;
  /** Per target: its client, and its severity as an index into SEVERITIES. */
  targetClient: Uint32Array;
  targetSeverity: Uint8Array;
  /** Per target: matter number in UTF-8, ending at matterEnd[target] ('' for client targets). */
  matterBytes: Uint8Array;
  matterEnd: Uint32Array;
  /** Walled-off addresses (lower case), only for the targets that have any (sorted). */
  walledTargets: Uint32Array;
  walledStart: Uint32Array;
  walled: string[];
  /** Every allowed domain, sorted; per domain the clients that allow it. */
  domains: string[];
  domainClientStart: Uint32Array;
  domainClients: Uint32Array;
  /**
   * Words in the longest term (name words, or parts an identifier may be split into): a change
   * to a text affects matches only this many words around it (rescan.ts).
   */
  maxTermWords: number;
}

/** Everything known about one match target. */
export interface MatchTarget extends MatchedEntry {
  allowedDomains: string[];
  walled: string[];
}

export function targetCount(c: CompiledWatchlist): number {
  return c.targetClient.length;
}

function slice<T>(items: ArrayLike<T>, start: Uint32Array, i: number): T[] {
  const out: T[] = [];
  for (let k = start[i] ?? 0; k < (start[i + 1] ?? 0); k++) out.push(items[k] as T);
  return out;
}

/** Domain indexes allowed for a target (those of its client). */
export function allowedDomainIds(c: CompiledWatchlist, target: number): number[] {
  return slice(c.clientAllowed, c.clientAllowedStart, c.targetClient[target] ?? 0);
}

export function walledAt(c: CompiledWatchlist, target: number): string[] {
  let lo = 0;
  let hi = c.walledTargets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = c.walledTargets[mid] ?? 0;
    if (t === target) return slice(c.walled, c.walledStart, mid);
    if (t < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

const decoder = new TextDecoder();

export function matchedEntryAt(c: CompiledWatchlist, target: number): MatchedEntry {
  if (target < 0 || target >= targetCount(c)) throw new RangeError(`No watchlist target ${target}`);
  const client = c.targetClient[target] ?? 0;
  return {
    clientNumber: c.clientNumbers[client] ?? '',
    clientName: c.clientNames[client] ?? '',
    matterNumber: decoder.decode(c.matterBytes.subarray(c.matterEnd[target - 1] ?? 0, c.matterEnd[target])),
    severity: SEVERITIES[c.targetSeverity[target] ?? 1] ?? 'warn',
  };
}

/** The compiled entry table row a `TextMatch.entryIndex` points at. */
export function targetAt(c: CompiledWatchlist, target: number): MatchTarget {
  return {
    ...matchedEntryAt(c, target),
    allowedDomains: allowedDomainIds(c, target).map((d) => c.domains[d] ?? ''),
    walled: walledAt(c, target),
  };
}

/** Index of a domain in the sorted `domains`, or -1. */
export function domainIndex(c: CompiledWatchlist, domain: string): number {
  let lo = 0;
  let hi = c.domains.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = c.domains[mid] ?? '';
    if (d === domain) return mid;
    if (d < domain) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Indexes of `domain` and of each parent domain that some client allows (mail.acme.com, acme.com). */
export function domainChain(c: CompiledWatchlist, domain: string): number[] {
  const found: number[] = [];
  for (let d = domain; d !== ''; d = d.includes('.') ? d.slice(d.indexOf('.') + 1) : '') {
    const i = domainIndex(c, d);
    if (i >= 0) found.push(i);
  }
  return found;
}

/** Clients (indexes) whose allowed domains contain the domain index. */
export function clientsOfDomain(c: CompiledWatchlist, domainIdx: number): number[] {
  return slice(c.domainClients, c.domainClientStart, domainIdx);
}

/** Client numbers whose allowed_domains contain `domain` or one of its parents. */
export function domainOwners(c: CompiledWatchlist, domain: string): string[] {
  const owners = new Set<string>();
  for (const d of domainChain(c, domain.toLowerCase())) {
    for (const client of clientsOfDomain(c, d)) owners.add(c.clientNumbers[client] ?? '');
  }
  return [...owners];
}

/** Whether a value restored from storage is a compiled watchlist of the current format. */
export function isCompiledWatchlist(value: unknown): value is CompiledWatchlist {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CompiledWatchlist>;
  return (
    v.format === COMPILED_FORMAT &&
    v.table instanceof Int32Array &&
    v.filter instanceof Int32Array &&
    v.multi instanceof Int32Array &&
    v.table.length > 0 &&
    v.table.length % 3 === 0 &&
    v.targetClient instanceof Uint32Array &&
    v.targetSeverity instanceof Uint8Array &&
    v.matterBytes instanceof Uint8Array &&
    v.matterEnd instanceof Uint32Array &&
    v.walledTargets instanceof Uint32Array &&
    v.clientAllowedStart instanceof Uint32Array &&
    v.domainClientStart instanceof Uint32Array &&
    Array.isArray(v.clientNumbers) &&
    Array.isArray(v.clientNames) &&
    Array.isArray(v.domains) &&
    v.matterEnd.length === v.targetClient.length &&
    typeof v.maxTermWords === 'number' &&
    Number.isInteger(v.maxTermWords) &&
    v.maxTermWords >= 0
  );
}
