import { browser } from 'wxt/browser';
import type { PersonalFields } from '../watchlist/personal';
import { hasHostAccess, requestHostAccess } from '../permissions/host-access';
import { sendMessage } from '../messaging/send-message';
import type { ResponseOf, WatchlistStatus } from '../protocol/protocol';
import type { PersonalImportResult, PersonalView } from '../protocol/protocol-watchlist';

export type { PersonalImportResult, PersonalView };
export type SavedPersonal = ResponseOf<'savePersonalEntry'>;
export type AddedTerm = ResponseOf<'addPersonalTerm'>;
export type WatchlistSearch = ResponseOf<'searchWatchlist'>;

/** The watchlist's part of the Connector (issue 4): firm list status and sync, the personal list. */
export interface WatchlistConnector {
  /** Fetches the firm list now; resolves with the status after the attempt. */
  syncWatchlist(): Promise<WatchlistStatus>;
  searchWatchlist(query: string, limit: number): Promise<WatchlistSearch>;
  listPersonal(): Promise<PersonalView>;
  /** Adds (id null) or replaces an entry; `errors` names each bad field when nothing was saved. */
  savePersonalEntry(id: string | null, fields: PersonalFields): Promise<SavedPersonal>;
  deletePersonalEntry(id: string): Promise<PersonalView>;
  importPersonal(text: string, fileName: string): Promise<PersonalImportResult>;
  addPersonalTerm(term: string): Promise<AddedTerm>;
  /** The text selected in a tab ('' when there is none, or the page cannot be read). */
  selectedText(tabId: number): Promise<string>;
  /** Whether Matterguard may read `url` (the watchlist URL) without the server's CORS help. */
  hasHostAccess(url: string): Promise<boolean>;
  /** Asks for that access; call from a click. */
  requestHostAccess(url: string): Promise<boolean>;
}

/** What getSelection() gives in each frame of the tab. */
function readSelection(): string {
  return getSelection()?.toString() ?? '';
}

export function createWatchlistConnector(): WatchlistConnector {
  return {
    syncWatchlist: () => sendMessage('syncWatchlist', {}),
    searchWatchlist: (query, limit) => sendMessage('searchWatchlist', { query, limit }),
    listPersonal: () => sendMessage('listPersonal', {}),
    savePersonalEntry: (id, fields) => sendMessage('savePersonalEntry', { id, fields }),
    deletePersonalEntry: (id) => sendMessage('deletePersonalEntry', { id }),
    importPersonal: (text, fileName) => sendMessage('importPersonal', { text, fileName }),
    addPersonalTerm: (term) => sendMessage('addPersonalTerm', { term }),
    async selectedText(tabId) {
      // activeTab (granted by opening the popup) lets the popup read the page it was opened over.
      try {
        const results = await browser.scripting.executeScript({
          target: { tabId, allFrames: true },
          func: readSelection,
        });
        const found = results.map((r) => (typeof r.result === 'string' ? r.result.trim() : '')).find((t) => t !== '');
        return found ?? '';
      } catch {
        // A chrome:// page, the Web Store, a PDF: nothing to read there.
        return '';
      }
    },
    hasHostAccess,
    requestHostAccess,
  };
}
