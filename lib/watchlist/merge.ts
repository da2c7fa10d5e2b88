import type { WatchlistEntry } from './types';

/** Case, width and spacing do not make two entries different. */
function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Same client and matter numbers and the same matched terms: the same entry for the user. */
function identity(entry: WatchlistEntry): string {
  const terms = [entry.clientName, ...entry.aliases].map(fold).sort();
  return JSON.stringify([fold(entry.clientNumber), fold(entry.matterNumber), terms]);
}

/**
 * The firm list and the user's personal list as one (DESIGN 3). A personal entry that repeats
 * a firm entry (or an earlier personal one) is dropped: the firm's copy wins, since its
 * domains, walls and severity are the firm's call. Every entry keeps its `source`, so the UI
 * can tell the user's own entries apart.
 *
 * The firm list is kept as published and compared only where a personal entry names the same
 * client: with a million firm matters and a few hundred personal ones, building a key for
 * every firm entry would cost seconds and tens of megabytes for nothing.
 */
export function mergeEntries(firm: readonly WatchlistEntry[], personal: readonly WatchlistEntry[]): WatchlistEntry[] {
  const merged = firm.slice();
  if (personal.length === 0) return merged;
  const personalClients = new Set(personal.map((e) => fold(e.clientNumber)));
  const seen = new Set<string>();
  for (const entry of firm) {
    if (personalClients.has(fold(entry.clientNumber))) seen.add(identity(entry));
  }
  for (const entry of personal) {
    const key = identity(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(entry);
  }
  return merged;
}
