import { isDomain, normaliseAddress, normaliseDomain, splitTerms } from './fields';
import type { Severity, WatchlistEntry } from './types';

/**
 * The user's own entries (docs/design.md#personal-list): the same fields as a firm row, typed in
 * the options page, imported, or added from a selection. Checked more strictly than a firm
 * file: a person is there to fix a mistake, so nothing is dropped silently.
 */

/** One entry as the form edits it: lists are `;`-separated text. */
export interface PersonalFields {
  clientNumber: string;
  clientName: string;
  matterNumber: string;
  matterName: string;
  aliases: string;
  allowedDomains: string;
  walled: string;
  severity: Severity;
}

export type FieldErrors = Partial<Record<keyof PersonalFields | 'entry', string>>;

export interface PersonalItem {
  /** Stable across edits and devices, so an edit or delete names the right entry. */
  id: string;
  entry: WatchlistEntry;
}

export const MAX_FIELD_CHARS = 200;
export const MAX_LIST_ITEMS = 20;
export const MIN_TERM_CHARS = 2;

export const EMPTY_FIELDS: PersonalFields = {
  clientNumber: '',
  clientName: '',
  matterNumber: '',
  matterName: '',
  aliases: '',
  allowedDomains: '',
  walled: '',
  severity: 'warn',
};

const SEVERITIES: readonly Severity[] = ['notice', 'warn', 'block'];
const ALNUM = /[\p{L}\p{N}]/gu;

/** Trimmed, inner white space (tabs, line breaks) made single spaces. */
const tidy = (value: string) => value.replace(/\s+/g, ' ').trim();

/** Terms too short to mean anything match everywhere: "a", "&". */
function tooShort(term: string): boolean {
  return (term.match(ALNUM)?.length ?? 0) < MIN_TERM_CHARS;
}

function checkText(value: string, label: string, errors: FieldErrors, key: keyof PersonalFields): string {
  const text = tidy(value);
  if (text.length > MAX_FIELD_CHARS) errors[key] = `${label} is longer than ${MAX_FIELD_CHARS} characters.`;
  else if (text !== '' && tooShort(text) && key !== 'matterName')
    errors[key] = `${label} needs at least ${MIN_TERM_CHARS} letters or digits.`;
  return text;
}

function checkList(
  value: string,
  label: string,
  errors: FieldErrors,
  key: keyof PersonalFields,
  normalise: (term: string) => string | null,
): string[] {
  const terms =
    key === 'aliases'
      ? splitTerms(value)
      : splitTerms(value)
          .flatMap((t) => t.split(/[\s,]+/))
          .filter((t) => t !== '');
  const out: string[] = [];
  const bad: string[] = [];
  for (const term of terms) {
    const value = normalise(tidy(term));
    if (value === null) bad.push(term);
    else if (!out.some((o) => o.toLowerCase() === value.toLowerCase())) out.push(value);
  }
  if (bad.length > 0)
    errors[key] = `${label}: ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not valid.`;
  else if (out.length > MAX_LIST_ITEMS) errors[key] = `${label}: at most ${MAX_LIST_ITEMS}.`;
  return out;
}

/** The entry the fields describe, or what is wrong with each field. */
export function checkPersonalFields(fields: PersonalFields): { entry: WatchlistEntry | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const clientNumber = checkText(fields.clientNumber, 'Client number', errors, 'clientNumber');
  const clientName = checkText(fields.clientName, 'Name or term', errors, 'clientName');
  const matterNumber = checkText(fields.matterNumber, 'Matter number', errors, 'matterNumber');
  const matterName = checkText(fields.matterName, 'Matter name', errors, 'matterName');
  const aliases = checkList(fields.aliases, 'Aliases', errors, 'aliases', (t) =>
    t.length > MAX_FIELD_CHARS || tooShort(t) ? null : t,
  );
  const allowedDomains = checkList(fields.allowedDomains, 'Allowed domains', errors, 'allowedDomains', (t) => {
    const domain = normaliseDomain(t);
    return isDomain(domain) ? domain : null;
  });
  const walled = checkList(fields.walled, 'Walled-off addresses', errors, 'walled', normaliseAddress);
  if (!SEVERITIES.includes(fields.severity)) errors.severity = 'Choose notice, warn or block.';
  if (clientNumber === '' && clientName === '' && aliases.length === 0 && Object.keys(errors).length === 0) {
    errors.entry = 'Enter a name or term, a client number, or an alias.';
  }
  if (Object.keys(errors).length > 0) return { entry: null, errors };
  return {
    entry: {
      clientNumber,
      clientName,
      matterNumber,
      matterName,
      aliases,
      allowedDomains,
      walled,
      severity: fields.severity,
      source: 'personal',
    },
    errors,
  };
}

export function fieldsOf(entry: WatchlistEntry): PersonalFields {
  return {
    clientNumber: entry.clientNumber,
    clientName: entry.clientName,
    matterNumber: entry.matterNumber,
    matterName: entry.matterName,
    aliases: entry.aliases.join('; '),
    allowedDomains: entry.allowedDomains.join('; '),
    walled: entry.walled.join('; '),
    severity: entry.severity,
  };
}

/**
 * A selected or typed term as an entry: an identifier (has a digit, no spaces: "C-004512",
 * "12345-0001", "M.7781.01") becomes a client number, matched with separators tolerated;
 * anything else ("Project Falcon", "Acme Holdings Ltd") a name, matched as words.
 */
export function fieldsForTerm(term: string): PersonalFields {
  const text = tidy(term);
  const identifier = /\p{N}/u.test(text) && !/\s/.test(text);
  return { ...EMPTY_FIELDS, ...(identifier ? { clientNumber: text } : { clientName: text }) };
}

/** Words for an entry in lists and messages: "Project Falcon", "Acme Holdings Ltd (C-004512)". */
export function entryLabel(entry: WatchlistEntry): string {
  const name = entry.clientName || entry.aliases[0] || entry.clientNumber;
  const number = entry.clientName || entry.aliases[0] ? entry.clientNumber : '';
  const base = number ? `${name} (${number})` : name;
  return entry.matterNumber ? `${base} — matter ${entry.matterNumber}` : base;
}

/** A short random id (36^8 ≈ 2.8e12: no collision in a list of a few thousand). */
export function newItemId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}
