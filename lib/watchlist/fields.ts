import type { Severity, WatchlistEntry } from './types';

/**
 * Normalising one watchlist row, shared by the CSV and JSON readers so both formats load the
 * same entry from the same data (docs/design.md#watchlist).
 */

/** A row as read, before normalisation: lists may still be `;`-separated strings. */
export interface RawEntry {
  clientNumber?: string;
  clientName?: string;
  matterNumber?: string;
  matterName?: string;
  aliases?: string | readonly string[];
  allowedDomains?: string | readonly string[];
  walled?: string | readonly string[];
  severity?: string;
}

/** An entry (null when the row cannot load) and, in words, what was wrong with the row. */
export interface BuiltEntry {
  entry: WatchlistEntry | null;
  problems: readonly string[];
}

/** What most rows have wrong, shared rather than made a million times. */
const NO_PROBLEMS: readonly string[] = Object.freeze([]);

// Labels of letters, digits and inner hyphens, at least two labels: "acme.example". Letters
// of any script are allowed (IDN domains are typed in Unicode: "müller.example"); the ASCII
// pattern is tried first because it is several times faster and almost always enough.
const ASCII_DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DOMAIN =
  /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const NON_ASCII = /[^ -~]/;
const SEVERITIES: readonly Severity[] = ['notice', 'warn', 'block'];

export function isDomain(value: string): boolean {
  return ASCII_DOMAIN.test(value) || (NON_ASCII.test(value) && DOMAIN.test(value));
}

/** Trimmed, with runs of white space (line breaks from a quoted cell included) made one space. */
function tidy(value: string): string {
  const trimmed = value.trim();
  return /\s\s|[\t\n\r\f\v]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** One domain as people write it: case folded, a leading "@" (pasted from an address) and a trailing dot dropped. */
export function normaliseDomain(value: string): string {
  const domain = value.trim().toLowerCase();
  const start = domain.startsWith('@') ? 1 : 0;
  return domain.endsWith('.') ? domain.slice(start, -1) : start ? domain.slice(1) : domain;
}

/** `a@b.c` with a valid domain; returned lower-cased, or null. */
export function normaliseAddress(value: string): string | null {
  const lower = value.trim().toLowerCase();
  const address = lower.startsWith('mailto:') ? lower.slice(7) : lower;
  const at = address.lastIndexOf('@');
  if (at <= 0 || /[\s<>(),;]/.test(address)) return null;
  return isDomain(address.slice(at + 1)) ? address : null;
}

/** Terms of a `;`-separated field (or an array), trimmed, empties dropped. */
export function splitTerms(value: string | readonly string[] | undefined): string[] {
  if (value === undefined || value === '') return [];
  const parts = typeof value === 'string' ? value.split(';') : value.flatMap((v) => v.split(';'));
  const terms: string[] = [];
  for (const part of parts) {
    const term = tidy(part);
    if (term !== '') terms.push(term);
  }
  return terms;
}

/**
 * Domains and addresses contain no commas or spaces, so those separate them too: a firm that
 * writes "acme.com, acme.co.uk" in a quoted cell means two domains, not one broken one.
 */
function splitAddresses(value: string | readonly string[] | undefined): string[] {
  const terms = splitTerms(value);
  return terms.some((t) => /[\s,]/.test(t)) ? terms.flatMap((t) => t.split(/[\s,]+/)).filter((t) => t !== '') : terms;
}

function uniqueFolded(values: string[]): string[] {
  if (values.length < 2) return values;
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How each format spells a field, so a problem is named as the file names it. */
export type FieldNames = Record<keyof RawEntry, string>;
export const CSV_NAMES: FieldNames = {
  clientNumber: 'client_number',
  clientName: 'client_name',
  matterNumber: 'matter_number',
  matterName: 'matter_name',
  aliases: 'aliases',
  allowedDomains: 'allowed_domains',
  walled: 'walled',
  severity: 'severity',
};
export const JSON_NAMES: FieldNames = {
  clientNumber: 'clientNumber',
  clientName: 'clientName',
  matterNumber: 'matterNumber',
  matterName: 'matterName',
  aliases: 'aliases',
  allowedDomains: 'allowedDomains',
  walled: 'walled',
  severity: 'severity',
};

const quoteList = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

/** A `;`-separated list field, checked: the values kept and the items that were not valid. */
interface CheckedList {
  values: string[];
  bad: string[];
}

/** Checks each item of a list field: `normalise` gives the value to keep, or null for an invalid item. */
function checkItems(
  written: string | readonly string[] | undefined,
  normalise: (item: string) => string | null,
): CheckedList {
  const values: string[] = [];
  const bad: string[] = [];
  for (const item of splitAddresses(written)) {
    const value = normalise(item);
    if (value === null) bad.push(item);
    else if (!values.includes(value)) values.push(value);
  }
  return { values, bad };
}

function validDomain(item: string): string | null {
  const domain = normaliseDomain(item);
  return isDomain(domain) ? domain : null;
}

const checkDomains = (written: string | readonly string[] | undefined): CheckedList => checkItems(written, validDomain);
const checkAddresses = (written: string | readonly string[] | undefined): CheckedList =>
  checkItems(written, normaliseAddress);

const NO_LIST: CheckedList = { values: [], bad: [] };

/**
 * Checks a list field, reusing the previous row's result when the field is written exactly as
 * it was there: the rows of one client repeat its allowed domains and walls, and a million-row
 * list would otherwise check the same domains ten times each (docs/design.md#budgets). The entries of such
 * rows share one array; nothing changes an entry's lists once built.
 */
function createListChecker(check: (written: string | readonly string[] | undefined) => CheckedList) {
  let lastRaw: string | null = null;
  let last: CheckedList = NO_LIST;
  return (written: string | readonly string[] | undefined): CheckedList => {
    if (written === undefined || written === '') return NO_LIST;
    if (typeof written !== 'string') return check(written);
    if (written !== lastRaw) {
      last = check(written);
      lastRaw = written;
    }
    return last;
  };
}

/** Builds entries from rows of one file, in order; see `buildEntry`. */
export type EntryBuilder = (raw: RawEntry) => BuiltEntry;

/**
 * An entry builder for one file. It remembers the previous row's list fields and client name, so
 * the repeated columns of a client's matter rows are checked once, not once per row.
 */
export function createEntryBuilder(source: WatchlistEntry['source'], names: FieldNames = CSV_NAMES): EntryBuilder {
  const domains = createListChecker(checkDomains);
  const walls = createListChecker(checkAddresses);
  let lastName: string | null = null;
  let lastTidy = '';
  const tidyName = (written: string): string => {
    if (written !== lastName) {
      lastTidy = tidy(written);
      lastName = written;
    }
    return lastTidy;
  };
  return (raw) => buildWith(raw, source, names, domains, walls, tidyName);
}

/** One row, built on its own (a personal entry, a JSON element). */
export function buildEntry(raw: RawEntry, source: WatchlistEntry['source'], names: FieldNames = CSV_NAMES): BuiltEntry {
  return buildWith(raw, source, names, checkDomains, checkAddresses, tidy);
}

function buildWith(
  raw: RawEntry,
  source: WatchlistEntry['source'],
  names: FieldNames,
  domains: (written: string | readonly string[] | undefined) => CheckedList,
  walls: (written: string | readonly string[] | undefined) => CheckedList,
  tidyName: (written: string) => string,
): BuiltEntry {
  const clientNumber = raw.clientNumber?.trim() ?? '';
  const clientName = tidyName(raw.clientName ?? '');
  if (source === 'personal') {
    // A person's own entry may be a bare term: a code name, a client they know only by name.
    if (clientNumber === '' && clientName === '' && splitTerms(raw.aliases).length === 0) {
      return {
        entry: null,
        problems: [`${names.clientNumber}, ${names.clientName} and ${names.aliases} are all empty; not loaded`],
      };
    }
  } else {
    const missing = [clientNumber === '' && names.clientNumber, clientName === '' && names.clientName].filter(
      (m) => m !== false,
    );
    if (missing.length > 0) {
      const which = missing.length === 2 ? `${missing[0]} and ${missing[1]} are` : `${missing[0]} is`;
      const known = clientNumber || clientName;
      return { entry: null, problems: [`${which} empty${known ? ` (${known})` : ''}; not loaded`] };
    }
  }

  let problems: string[] | null = null;
  const allowed = domains(raw.allowedDomains);
  // A dropped domain means more warnings, never fewer: the safe direction.
  if (allowed.bad.length > 0)
    (problems ??= []).push(`${names.allowedDomains}: not a domain, ignored: ${quoteList(allowed.bad)}`);
  const walled = walls(raw.walled);
  if (walled.bad.length > 0)
    (problems ??= []).push(`${names.walled}: not an email address, ignored: ${quoteList(walled.bad)}`);

  const written = raw.severity;
  // Written as the format spells it on nearly every row: no trimming or lower-casing needed.
  const severityText =
    written === 'warn' || written === 'notice' || written === 'block' ? written : (written?.trim().toLowerCase() ?? '');
  let severity: Severity = 'warn';
  if (SEVERITIES.includes(severityText as Severity)) severity = severityText as Severity;
  // Guarding at the default beats not guarding at all while the firm fixes the typo.
  else if (severityText !== '')
    (problems ??= []).push(`${names.severity} "${raw.severity?.trim()}" is not notice, warn or block; using warn`);

  return {
    entry: {
      clientNumber,
      clientName,
      matterNumber: raw.matterNumber?.trim() ?? '',
      matterName: raw.matterName?.trim() ?? '',
      aliases: raw.aliases === undefined || raw.aliases === '' ? [] : uniqueFolded(splitTerms(raw.aliases)),
      allowedDomains: allowed.values,
      walled: walled.values,
      severity,
      source,
    },
    problems: problems ?? NO_PROBLEMS,
  };
}
