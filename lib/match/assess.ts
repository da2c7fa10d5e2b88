import { normalizeDomain } from './clients';
import {
  allowedDomainIds,
  clientsOfDomain,
  domainChain,
  matchedEntryAt,
  walledAt,
  type CompiledWatchlist,
} from './compiled';
import { isInDomain, listForPeople, parseRecipient, type Recipient } from './recipients';
import { scanText } from './scan';
import { maxLevel, type AssessedMatch, type Assessment, type FieldName, type Level, type TextMatch } from './types';

export { describeTarget } from './describe';

export interface AssessContext {
  recipients: string[];
  firmDomains: string[];
  /** What the site says about a conversation (chat): internal, external, or not known. */
  audience: 'internal' | 'external' | null;
}

/** Finds the matches of one field's text; must return what `scanText` would. */
export type FieldScanner = (text: string, field: FieldName, index: number) => readonly TextMatch[];

interface Verdict {
  level: Level;
  reason: string;
}

interface Audience {
  recipients: Recipient[];
  firm: string[];
  audience: AssessContext['audience'];
}

function withoutRecipients(audience: Audience['audience']): Verdict {
  if (audience === 'internal') return { level: 'notice', reason: 'internal conversation' };
  if (audience === 'external') return { level: 'warn', reason: 'external conversation' };
  return { level: 'warn', reason: 'no recipients yet' };
}

/** The level of one target for these recipients (docs/design.md#levels), before the entry's severity. */
function judge(c: CompiledWatchlist, target: number, a: Audience): Verdict {
  if (a.recipients.length === 0) return withoutRecipients(a.audience);
  const walls = walledAt(c, target);
  const walled = a.recipients.find((r) => walls.includes(r.address));
  if (walled) {
    const what = matchedEntryAt(c, target).matterNumber === '' ? 'client' : 'matter';
    return { level: 'critical', reason: `${walled.address} is walled off from this ${what}` };
  }
  const allowed = allowedDomainIds(c, target).map((d) => c.domains[d] ?? '');
  const own = c.targetClient[target];
  const outside: string[] = [];
  const usedAllowed: string[] = [];
  let firmOnly = true;
  for (const r of a.recipients) {
    if (a.firm.some((f) => isInDomain(r.domain, f))) continue;
    firmOnly = false;
    const allowedHere = allowed.find((d) => isInDomain(r.domain, d));
    if (allowedHere !== undefined) {
      if (!usedAllowed.includes(allowedHere)) usedAllowed.push(allowedHere);
      continue;
    }
    for (const d of domainChain(c, r.domain)) {
      const other = clientsOfDomain(c, d).find((client) => client !== own);
      if (other !== undefined) {
        const name = c.clientNames[other] || c.clientNumbers[other] || 'another client';
        return { level: 'critical', reason: `${r.domain} belongs to another client, ${name}` };
      }
    }
    if (!outside.includes(r.domain)) outside.push(r.domain);
  }
  if (outside.length > 0) {
    const who = outside.length === 1 ? `recipient ${outside[0]} is` : `recipients ${listForPeople(outside)} are`;
    return { level: 'warn', reason: `${who} outside ${allowed.length === 0 ? 'the firm' : listForPeople(allowed)}` };
  }
  if (firmOnly) {
    // The site says someone outside is in the conversation even if we only see firm addresses.
    if (a.audience === 'external')
      return { level: 'warn', reason: 'the conversation includes people outside the firm' };
    return { level: 'notice', reason: 'all recipients are inside the firm' };
  }
  const inFirm = a.recipients.some((r) => a.firm.some((f) => isInDomain(r.domain, f)));
  const at = listForPeople(usedAllowed);
  return {
    level: 'notice',
    reason: inFirm ? `all recipients are inside the firm or at ${at}` : `all recipients are at ${at}`,
  };
}

/**
 * Scans every field of a compose surface and gives each match its level from the recipients
 * (docs/design.md#levels). A `notice`-severity entry never goes above notice unless critical; `blocking` is
 * set by a critical match or by a `block`-severity entry at warn or above.
 */
export function assessSurface(
  compiled: CompiledWatchlist,
  fields: readonly { name: FieldName; text: string }[],
  ctx: AssessContext,
  /** How a field's text is scanned: a caller that keeps earlier scans passes `rescanChanged` here. */
  scan: FieldScanner = (text) => scanText(compiled, text),
): Assessment {
  const a: Audience = {
    recipients: ctx.recipients.map(parseRecipient).filter((r): r is Recipient => r !== null),
    firm: ctx.firmDomains.map(normalizeDomain).filter((d) => d !== ''),
    audience: ctx.audience,
  };
  const verdicts = new Map<number, Verdict>();
  const matches: AssessedMatch[] = [];
  let level: Level | null = null;
  let blocking = false;
  for (const [index, field] of fields.entries()) {
    for (const m of scan(field.text, field.name, index)) {
      const entry = matchedEntryAt(compiled, m.entryIndex);
      let verdict = verdicts.get(m.entryIndex);
      if (verdict === undefined) {
        verdict = judge(compiled, m.entryIndex, a);
        if (verdict.level === 'warn' && entry.severity === 'notice') verdict = { ...verdict, level: 'notice' };
        verdicts.set(m.entryIndex, verdict);
      }
      matches.push({ ...m, field: field.name, entry, level: verdict.level, reason: verdict.reason });
      level = maxLevel(level, verdict.level);
      blocking ||= verdict.level === 'critical' || (verdict.level === 'warn' && entry.severity === 'block');
    }
  }
  return { level, matches, blocking };
}
