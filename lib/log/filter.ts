import type { Level } from '../match/types';
import type { SiteId } from '../policy/types';
import type { GateAction, OverrideRecord } from './types';

/**
 * What a supervisor narrows the log to (docs/design.md#review-and-export, issue 6). Every field is optional; the
 * criteria combine with AND. Dates are instants (ISO 8601): `from` inclusive, `to` exclusive,
 * so a day is [midnight, next midnight) in whatever time zone the page chose.
 */
export interface LogFilter {
  from?: string;
  to?: string;
  /** The start of the user's address (case- and accent-insensitive): "c.lee" finds c.lee@firm. */
  user?: string;
  /** The start of a client number or client name: "C-0045" or "acme". */
  client?: string;
  /** The start of a matter number: "12345" finds every matter of client 12345. */
  matter?: string;
  site?: SiteId;
  action?: GateAction;
  level?: Level;
  /** Words (or "quoted phrases") that must all appear in the record: reason, names, matched words, recipients… */
  text?: string;
}

/**
 * The searchable shape of one record, derived from it and nothing else: folded (case, accents,
 * compatibility forms) so that filters can use plain IndexedDB key ranges. Stored beside the
 * record (table `facets`), never inside it: the record is covered by the hash chain.
 */
export interface LogFacets {
  seq: number;
  id: string;
  at: string;
  user: string;
  site: SiteId;
  action: GateAction;
  level: Level;
  /** Folded client numbers and names (a multi-entry index). */
  clients: string[];
  /** Folded matter numbers (a multi-entry index). */
  matters: string[];
  /** For the chart: "Acme Holdings Ltd (C-004512)", one per client. */
  clientLabels: string[];
  /** For the chart: "12345-0001 · Acme Holdings Ltd", one per matter. */
  matterLabels: string[];
  /** Folded text of every field a person might search for, space-separated. */
  text: string;
}

/** Lower case, accents dropped, compatibility forms unified, runs of whitespace made one space. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

export function facetsOf(record: OverrideRecord): LogFacets {
  const clientLabels = unique(
    record.matches.map((m) =>
      m.clientName && m.clientNumber ? `${m.clientName} (${m.clientNumber})` : m.clientName || m.clientNumber,
    ),
  );
  const matterLabels = unique(
    record.matches.map((m) => (m.matterNumber ? [m.matterNumber, m.clientName].filter(Boolean).join(' · ') : '')),
  );
  const searchable = [
    record.user,
    record.site,
    record.surface,
    record.action,
    record.level,
    record.reason,
    record.reasonCode,
    record.id,
    ...record.matches.flatMap((m) => [m.clientNumber, m.clientName, m.matterNumber, m.matchedText, m.kind]),
    ...record.recipients,
  ];
  return {
    seq: record.seq,
    id: record.id,
    at: record.at,
    user: fold(record.user),
    site: record.site,
    action: record.action,
    level: record.level,
    clients: unique(record.matches.flatMap((m) => [fold(m.clientNumber), fold(m.clientName)])),
    matters: unique(record.matches.map((m) => fold(m.matterNumber))),
    clientLabels,
    matterLabels,
    text: unique(searchable.map(fold)).join(' '),
  };
}

/** The filter with empty values dropped and text folded, as both the database and the twin apply it. */
export function normalizeFilter(filter: LogFilter): LogFilter {
  const out: LogFilter = {};
  if (filter.from) out.from = filter.from;
  if (filter.to) out.to = filter.to;
  for (const key of ['user', 'client', 'matter', 'text'] as const) {
    const value = fold(filter[key] ?? '');
    if (value !== '') out[key] = value;
  }
  if (filter.site) out.site = filter.site;
  if (filter.action) out.action = filter.action;
  if (filter.level) out.level = filter.level;
  return out;
}

export function isEmptyFilter(filter: LogFilter): boolean {
  return Object.keys(normalizeFilter(filter)).length === 0;
}

/** The words and "quoted phrases" of a text search; each must occur in the record. */
export function searchTerms(text: string | undefined): string[] {
  const terms: string[] = [];
  for (const [, phrase, word] of fold(text ?? '').matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const term = (phrase ?? word ?? '').trim();
    if (term !== '') terms.push(term);
  }
  return terms;
}

/**
 * Whether a record's facets satisfy a NORMALISED filter. This is the definition of what a filter
 * means: the database narrows with its indexes first, then applies exactly this.
 */
export function facetsMatch(f: LogFacets, filter: LogFilter): boolean {
  if (filter.from !== undefined && f.at < filter.from) return false;
  if (filter.to !== undefined && f.at >= filter.to) return false;
  if (filter.user !== undefined && !f.user.startsWith(filter.user)) return false;
  if (filter.client !== undefined && !f.clients.some((c) => c.startsWith(filter.client!))) return false;
  if (filter.matter !== undefined && !f.matters.some((m) => m.startsWith(filter.matter!))) return false;
  if (filter.site !== undefined && f.site !== filter.site) return false;
  if (filter.action !== undefined && f.action !== filter.action) return false;
  if (filter.level !== undefined && f.level !== filter.level) return false;
  return searchTerms(filter.text).every((term) => f.text.includes(term));
}

export function recordMatches(record: OverrideRecord, filter: LogFilter): boolean {
  return facetsMatch(facetsOf(record), normalizeFilter(filter));
}
