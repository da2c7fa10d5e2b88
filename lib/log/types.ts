import type { Level, MatchKind } from '../match/types';
import type { SiteId } from '../policy/types';

/**
 * What happened at the gate (docs/design.md#record): the user sent anyway, went back, was blocked
 * (policy mode `block`), or, in audit mode, the send went through without a prompt and was logged.
 */
export type GateAction = 'override' | 'went-back' | 'blocked' | 'audited';

/** A match as logged: which entry and the matched words, never the message body. */
export interface LoggedMatch {
  kind: MatchKind;
  clientNumber: string;
  clientName: string;
  matterNumber: string;
  matchedText: string;
  level: Level;
}

/** The decision as the content script reports it; the background adds identity, versions and the chain. */
export interface GateDecision {
  site: SiteId;
  /** e.g. 'compose', 'reply', 'popout', 'schedule-send'. */
  surface: string;
  action: GateAction;
  level: Level;
  reasonCode: string;
  reason: string;
  matches: LoggedMatch[];
  /** Full addresses; reduced per policy `logRecipients` before storing. */
  recipients: string[];
}

/** One stored, hash-chained record (docs/design.md#record). */
export interface OverrideRecord {
  id: string;
  /** ISO 8601 time, UTC. */
  at: string;
  user: string;
  site: SiteId;
  surface: string;
  action: GateAction;
  level: Level;
  reason: string;
  reasonCode: string;
  matches: LoggedMatch[];
  recipients: string[];
  extensionVersion: string;
  watchlistVersion: string;
  /** Position in the chain, 1-based; makes deletions and reorders visible. */
  seq: number;
  prevHash: string;
  hash: string;
}

/** A record before it joins the chain: what `buildRecord` produces and `chainRecord` completes. */
export type UnchainedRecord = Omit<OverrideRecord, 'seq' | 'prevHash' | 'hash'>;
