import type { WatchlistEntry } from './types';

/** Case, width and spacing do not make two entries different. */
export function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Same client and matter numbers and the same matched terms: the same entry for the user. */
export function entryIdentity(entry: WatchlistEntry): string {
  const terms = [entry.clientName, ...entry.aliases].map(fold).sort();
  return JSON.stringify([fold(entry.clientNumber), fold(entry.matterNumber), terms]);
}

/** A personal entry that is only a name: a firm client of that name already covers it. */
function nameOnly(entry: WatchlistEntry): string | null {
  return entry.clientNumber === '' && entry.matterNumber === '' && entry.aliases.length === 0 && entry.clientName !== ''
    ? fold(entry.clientName)
    : null;
}

/**
 * Merging while the firm list streams past (it may be a million rows read in batches): the
 * firm entries are only looked at, never kept, and at the end `rest()` gives the personal
 * entries that add something. A personal entry repeats a firm entry when it has the same
 * identity (entryIdentity), or when it is just a name the firm list has as a client name.
 *
 * Only firm entries naming a client the user also named are compared: with a million firm
 * matters and a few hundred personal ones, building a key for every firm entry would cost
 * seconds and tens of megabytes for nothing.
 */
export interface MergeStream {
  see(firm: readonly WatchlistEntry[]): void;
  /** The personal entries not on the firm list, each once, in the user's order. */
  rest(): WatchlistEntry[];
  /** The firm entry that makes a personal entry redundant, if one was seen. */
  coveredBy(entry: WatchlistEntry): WatchlistEntry | null;
}

export function createMergeStream(personal: readonly WatchlistEntry[]): MergeStream {
  const clients = new Set(personal.map((e) => fold(e.clientNumber)).filter((n) => n !== ''));
  const names = new Set(personal.map(nameOnly).filter((n): n is string => n !== null));
  const covered = new Map<string, WatchlistEntry>();
  let lastNumber: string | null = null;
  let lastFolded = '';
  let lastName: string | null = null;
  let lastNameFolded = '';
  const coveredBy = (entry: WatchlistEntry): WatchlistEntry | null => {
    const name = nameOnly(entry);
    return covered.get(entryIdentity(entry)) ?? (name === null ? null : (covered.get(`name:${name}`) ?? null));
  };
  return {
    see(firm) {
      if (clients.size === 0 && names.size === 0) return;
      for (const entry of firm) {
        // A client's rows come together: its number is folded once, not once per matter.
        if (entry.clientNumber !== lastNumber) {
          lastNumber = entry.clientNumber;
          lastFolded = fold(lastNumber);
        }
        if (clients.has(lastFolded)) {
          const key = entryIdentity(entry);
          if (!covered.has(key)) covered.set(key, entry);
        }
        if (names.size > 0) {
          if (entry.clientName !== lastName) {
            lastName = entry.clientName;
            lastNameFolded = fold(lastName);
          }
          const name = lastNameFolded;
          if (names.has(name) && !covered.has(`name:${name}`)) covered.set(`name:${name}`, entry);
        }
      }
    },
    rest() {
      const seen = new Set<string>();
      return personal.filter((entry) => {
        const key = entryIdentity(entry);
        if (seen.has(key) || coveredBy(entry)) return false;
        seen.add(key);
        return true;
      });
    },
    coveredBy,
  };
}

/**
 * The firm list and the user's personal list as one (docs/design.md#watchlist). A personal entry that repeats
 * a firm entry (or an earlier personal one) is dropped: the firm's copy wins, since its
 * domains, walls and severity are the firm's call. Every entry keeps its `source`, so the UI
 * can tell the user's own entries apart.
 */
export function mergeEntries(firm: readonly WatchlistEntry[], personal: readonly WatchlistEntry[]): WatchlistEntry[] {
  if (personal.length === 0) return firm.slice();
  const merge = createMergeStream(personal);
  merge.see(firm);
  return [...firm, ...merge.rest()];
}
