/** How strongly a firm wants an entry guarded (docs/design.md#file-format, column `severity`). */
export type Severity = 'notice' | 'warn' | 'block';

/** One row of the firm or personal watchlist, after parsing (docs/design.md#file-format). */
export interface WatchlistEntry {
  clientNumber: string;
  clientName: string;
  /** Empty when the row describes a client rather than one matter. */
  matterNumber: string;
  /** Descriptive only; not matched by default (too generic). */
  matterName: string;
  /** Extra terms: code names, former names, tickers. */
  aliases: string[];
  /** Recipient domains (lower case, no `@`) for which mentioning this client is expected. */
  allowedDomains: string[];
  /** Firm addresses (lower case) walled off from this matter. */
  walled: string[];
  severity: Severity;
  /** Where the entry came from; personal entries are the user's own. */
  source: 'firm' | 'personal' | 'demo';
}

/** A problem with one input line; good lines still load (docs/design.md#file-format, docs/design.md#bad-input). */
export interface ParseIssue {
  /** 1-based line number in the file (the header is line 1 for CSV). 0 = the file as a whole. */
  line: number;
  message: string;
}

export interface ParsedWatchlist {
  version: string;
  entries: WatchlistEntry[];
  issues: ParseIssue[];
}
