import { fold, entryIdentity } from '../watchlist/merge';
import { parseWatchlist } from '../watchlist/parse';
import { checkPersonalFields, entryLabel, fieldsForTerm, type PersonalItem } from '../watchlist/personal';
import { encodeItem, layoutForSync, syncRoom } from '../watchlist/personal-codec';
import type { WatchlistEntry } from '../watchlist/types';
import type { WatchlistConnector } from './connector-watchlist';
import type { WatchlistStatus } from '../protocol/protocol';
import type { PersonalView } from '../protocol/protocol-watchlist';

export interface MemoryWatchlistInit {
  personal?: PersonalItem[];
  /** Policy allowPersonalWatchlist (default true). */
  personalEnabled?: boolean;
  /** The firm list in force, for search and "already on the firm list". */
  firmEntries?: WatchlistEntry[];
  /** What is selected in the active tab. */
  selection?: string;
  /** Whether host access to the watchlist URL is granted, and whether a request grants it. */
  hostAccess?: boolean;
  grantsHostAccess?: boolean;
  /** When set, syncWatchlist answers with this error as the status's lastError. */
  syncError?: string;
}

export interface MemoryWatchlistConnector extends WatchlistConnector {
  readonly personal: PersonalItem[];
  readonly syncs: number;
  readonly accessRequests: string[];
}

/** The in-memory twin of the watchlist connector: the same checks as the background, no browser. */
export function createMemoryWatchlistConnector(
  init: MemoryWatchlistInit,
  status: () => WatchlistStatus,
): MemoryWatchlistConnector {
  const personal = structuredClone(init.personal ?? []);
  const firm = init.firmEntries ?? [];
  const accessRequests: string[] = [];
  let access = init.hostAccess ?? false;
  let syncs = 0;
  let nextId = personal.length + 1;
  const newId = () => `m${nextId++}`;
  const enabled = init.personalEnabled ?? true;

  function view(): PersonalView {
    const rows = personal.map(encodeItem);
    const layout = layoutForSync(rows, 1);
    const room = syncRoom(rows, layout.bytes);
    const sync = {
      usedBytes: room.usedBytes,
      totalBytes: room.totalBytes,
      moreEntries: room.moreEntries,
      synced: layout.fits,
      error: layout.fits ? null : 'too large to sync',
    };
    if (!enabled) return { enabled, items: [], sync };
    const items = personal.map((item) => {
      const covering = firm.find(
        (f) =>
          entryIdentity(f) === entryIdentity(item.entry) ||
          (item.entry.clientNumber === '' && fold(f.clientName) === fold(item.entry.clientName)),
      );
      return { ...structuredClone(item), coveredBy: covering ? entryLabel(covering) : null };
    });
    return { enabled, items, sync };
  }

  const refuseIfOff = () =>
    enabled ? Promise.resolve() : Promise.reject(new Error('Your firm has turned off personal watchlists.'));

  return {
    personal,
    get syncs() {
      return syncs;
    },
    accessRequests,
    syncWatchlist() {
      syncs += 1;
      return Promise.resolve({ ...status(), lastError: init.syncError ?? null });
    },
    searchWatchlist(query, limit) {
      const needle = fold(query);
      const found = [...firm, ...personal.map((p) => p.entry)].filter((e) =>
        [e.clientNumber, e.clientName, e.matterNumber, ...e.aliases].some((v) => fold(v).includes(needle)),
      );
      return Promise.resolve({ entries: found.slice(0, limit), more: found.length > limit });
    },
    listPersonal: () => Promise.resolve(view()),
    async savePersonalEntry(id, fields) {
      await refuseIfOff();
      const { entry, errors } = checkPersonalFields(fields);
      if (!entry) return { view: view(), errors };
      if (id === null) personal.push({ id: newId(), entry });
      else {
        const at = personal.findIndex((p) => p.id === id);
        if (at < 0) throw new Error('This entry is no longer on your watchlist (deleted in another window?).');
        personal[at] = { id, entry };
      }
      return { view: view(), errors: null };
    },
    async deletePersonalEntry(id) {
      await refuseIfOff();
      const at = personal.findIndex((p) => p.id === id);
      if (at >= 0) personal.splice(at, 1);
      return view();
    },
    async importPersonal(text, fileName) {
      await refuseIfOff();
      const parsed = parseWatchlist(text, { source: 'personal', fileName });
      const known = new Set(personal.map((p) => entryIdentity(p.entry)));
      let added = 0;
      let duplicates = 0;
      for (const entry of parsed.entries) {
        if (known.has(entryIdentity(entry))) duplicates += 1;
        else {
          known.add(entryIdentity(entry));
          personal.push({ id: newId(), entry });
          added += 1;
        }
      }
      return { view: view(), added, duplicates, issues: parsed.issues };
    },
    async addPersonalTerm(term) {
      await refuseIfOff();
      const { entry, errors } = checkPersonalFields(fieldsForTerm(term));
      if (!entry) throw new Error(Object.values(errors)[0] ?? 'This cannot be added.');
      if (personal.some((p) => entryIdentity(p.entry) === entryIdentity(entry)))
        return { outcome: 'exists', label: entryLabel(entry) };
      personal.push({ id: newId(), entry });
      return { outcome: 'added', label: entryLabel(entry) };
    },
    selectedText: () => Promise.resolve(init.selection ?? ''),
    hasHostAccess: () => Promise.resolve(access),
    requestHostAccess(url) {
      accessRequests.push(url);
      access = init.grantsHostAccess ?? true;
      return Promise.resolve(access);
    },
  };
}
