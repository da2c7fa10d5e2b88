import type { LogRecipients } from '../policy/types';
import type { GateDecision, LoggedMatch, UnchainedRecord } from './types';

export interface RecordContext {
  id: string;
  /** ISO 8601 time, UTC. */
  at: string;
  user: string;
  extensionVersion: string;
  watchlistVersion: string;
  logRecipients: LogRecipients;
}

/**
 * Turns a decision reported by a content script into a log record (docs/design.md#record).
 * Every field is copied by name, never spread: whatever else a decision object carries
 * (a body, a draft, a page's extra properties) cannot reach the log.
 */
export function buildRecord(decision: GateDecision, ctx: RecordContext): UnchainedRecord {
  return {
    id: ctx.id,
    at: ctx.at,
    user: ctx.user,
    site: decision.site,
    surface: decision.surface,
    action: decision.action,
    level: decision.level,
    reason: decision.reason,
    reasonCode: decision.reasonCode,
    matches: decision.matches.map(copyMatch),
    recipients: reduceRecipients(decision.recipients, ctx.logRecipients),
    extensionVersion: ctx.extensionVersion,
    watchlistVersion: ctx.watchlistVersion,
  };
}

function copyMatch(m: LoggedMatch): LoggedMatch {
  return {
    kind: m.kind,
    clientNumber: m.clientNumber,
    clientName: m.clientName,
    matterNumber: m.matterNumber,
    matchedText: m.matchedText,
    level: m.level,
  };
}

/**
 * Recipients as policy `logRecipients` allows: full addresses, their domains, or nothing.
 * Duplicates collapse (To and Cc often repeat someone); order of first appearance is kept.
 */
export function reduceRecipients(recipients: string[], mode: LogRecipients): string[] {
  if (mode === 'none') return [];
  const out = new Set<string>();
  for (const raw of recipients) {
    const address = raw.trim().toLowerCase();
    if (address === '') continue;
    if (mode === 'full') {
      out.add(address);
      continue;
    }
    const at = address.lastIndexOf('@');
    // Something that is not an address (a chat channel, a display name) has no domain; storing
    // it whole would defeat a policy that asked for domains only.
    if (at > 0 && at < address.length - 1) out.add(address.slice(at + 1));
  }
  return [...out];
}
