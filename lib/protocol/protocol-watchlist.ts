import { z } from 'zod';
import type { FieldErrors } from '../watchlist/personal';
import type { ParseIssue, WatchlistEntry } from '../watchlist/types';
import type { WatchlistStatus } from './protocol';

/**
 * The watchlist's part of the message protocol (issue 4): the firm list's sync and search,
 * and the personal list. Extension pages only (options, popup): no web page may read the
 * watchlist or write to it. Spread into `uiRequests` in protocol.ts.
 */

const field = z.string().max(4_000);

export const personalFieldsSchema = z.object({
  clientNumber: field,
  clientName: field,
  matterNumber: field,
  matterName: field,
  aliases: field,
  allowedDomains: field,
  walled: field,
  severity: z.enum(['notice', 'warn', 'block']),
});

const itemId = z.string().min(1).max(32);
/** A personal import is the user's own list: a few thousand rows at most. */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

export const watchlistUiRequests = {
  /** Fetch the firm list now (the "Update now" button); answers once the attempt is over. */
  syncWatchlist: z.object({}),
  /** Entries of the list in force whose numbers, names or aliases contain `query`. */
  searchWatchlist: z.object({ query: z.string().min(1).max(200), limit: z.number().int().min(1).max(500) }),
  listPersonal: z.object({}),
  /** Adds (id null) or replaces an entry of the personal list. */
  savePersonalEntry: z.object({ id: itemId.nullable(), fields: personalFieldsSchema }),
  deletePersonalEntry: z.object({ id: itemId }),
  /** A CSV or JSON file in the firm list's format, added to the personal list. */
  importPersonal: z.object({ text: z.string().max(MAX_IMPORT_CHARS), fileName: z.string().max(260) }),
  /** Popup and context menu: one selected or typed term. */
  addPersonalTerm: z.object({ term: z.string().max(1_000) }),
} as const;

/** How the personal list stands against storage.sync's quotas (docs/design.md#personal-list). */
export interface PersonalSyncStatus {
  /** Bytes the list takes in storage.sync (or would, when it does not fit). */
  usedBytes: number;
  totalBytes: number;
  /** About how many more entries like these fit. */
  moreEntries: number;
  /** Whether the synced copy holds every edit made here. */
  synced: boolean;
  /** Why it is not synced, in words; null when it is. */
  error: string | null;
}

export interface PersonalItemView {
  id: string;
  entry: WatchlistEntry;
  /** The firm entry that already covers this one ("Acme Holdings Ltd (C-004512)"), shown once as the firm's. */
  coveredBy: string | null;
}

export interface PersonalView {
  /** False when the firm's policy turns personal lists off: the list is kept on the device but hidden and ignored. */
  enabled: boolean;
  items: PersonalItemView[];
  sync: PersonalSyncStatus;
}

export interface PersonalImportResult {
  view: PersonalView;
  added: number;
  /** Rows already on the personal list. */
  duplicates: number;
  /** Problems with single rows, by line; or the one reason nothing loaded. */
  issues: ParseIssue[];
}

export interface WatchlistResponses {
  syncWatchlist: WatchlistStatus;
  searchWatchlist: { entries: WatchlistEntry[]; more: boolean };
  listPersonal: PersonalView;
  /** `errors` says what is wrong with each field when nothing was saved. */
  savePersonalEntry: { view: PersonalView; errors: FieldErrors | null };
  deletePersonalEntry: PersonalView;
  importPersonal: PersonalImportResult;
  addPersonalTerm: { outcome: 'added' | 'exists'; label: string };
}
