import type { GateAction } from '../log/types';
import type { Level } from '../match/types';
import type { PolicyMode } from '../policy/types';

/**
 * What the send gate does with one send attempt (docs/design.md#levels, docs/design.md#send-gate).
 * Pure: the content script feeds it what it knows at the instant of the event, and must act on the
 * answer synchronously.
 */
export interface GateInput {
  /** The event came from the user (`isTrusted`), not from a page script. */
  trusted: boolean;
  /** A gate is already holding or asking for this surface. */
  gateOpen: boolean;
  /** The guard's configuration; null while the background has not answered yet. */
  config: { mode: PolicyMode; enabled: boolean } | null;
  /** The latest assessment of the surface; null if it was never scanned. */
  assessment: { level: Level | null; blocking: boolean } | null;
  /** Whether that assessment describes the surface as it is now (text and recipients unchanged). */
  current: boolean;
}

export type GateVerdict =
  /** Let the event through untouched. */
  | 'pass'
  /** Let it through, and log it as `audited` (mode audit, warn or above). */
  | 'audit'
  /** Hold it until the scan is current, then decide again. */
  | 'wait'
  /** Hold it and ask: Go back or Send anyway. */
  | 'ask'
  /** Hold it and explain the firm does not allow it: Go back only (mode block). */
  | 'refuse'
  /** Swallow it silently: a page script's send at warn or above, or a repeat while the gate is open. */
  | 'drop';

function atLeastWarn(level: Level | null): boolean {
  return level === 'warn' || level === 'critical';
}

export function decideGate(input: GateInput): GateVerdict {
  // The gate already holds this surface's send: nothing else gets through meanwhile.
  if (input.gateOpen) return 'drop';
  if (input.config === null) return 'wait';
  if (!input.config.enabled) return 'pass';
  if (input.assessment === null || !input.current) return 'wait';
  if (!atLeastWarn(input.assessment.level)) return 'pass';
  if (input.config.mode === 'audit') return input.trusted ? 'audit' : 'pass';
  // Only the user can be asked (docs/design.md#trusted-input-only): a page script's attempt is not honoured at all.
  if (!input.trusted) return 'drop';
  if (input.config.mode === 'block' && input.assessment.blocking) return 'refuse';
  return 'ask';
}

/** How the dialog was closed. */
export type GateAnswer = 'go-back' | 'override';

/** The log action for a dialog outcome (docs/design.md#override-log). */
export function gateAction(verdict: 'ask' | 'refuse', answer: GateAnswer): GateAction {
  if (verdict === 'refuse') return 'blocked';
  return answer === 'override' ? 'override' : 'went-back';
}

/** Whether "Send anyway" may be pressed (contract: reason, acknowledgement, details for "other"). */
export function canOverride(choice: { reasonCode: string; acknowledged: boolean; details: string }): boolean {
  if (choice.reasonCode === '' || !choice.acknowledged) return false;
  return choice.reasonCode !== 'other' || choice.details.trim() !== '';
}
