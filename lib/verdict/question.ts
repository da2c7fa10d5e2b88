import type { Level } from '../match/types';
import type { OverrideReason } from '../policy/types';
import type { NoticeItem } from './summary';

/**
 * What the in-page views show and ask, as plain data (docs/design.md#warnings-and-the-gate): the guard fills it in, the
 * Preact views (components/Notice, components/GateDialog, drawn by lib/content) render it.
 */

export interface NoticeContent {
  /** The worst level among the items; null when nothing matches (the notice is then empty). */
  level: Level | null;
  items: NoticeItem[];
}

/** What the gate dialog asks about one held send. */
export interface GateQuestion extends NoticeContent {
  /** ask: Go back or override; refuse: the firm forbids it (mode block); error: nothing could be checked. */
  variant: 'ask' | 'refuse' | 'error';
  /** The accessible name, e.g. "Matterguard: check before sending". */
  title: string;
  reasons: OverrideReason[];
  /** "Send anyway" / "Share anyway" / "Post anyway". */
  overrideLabel: string;
  /** A failure to show: the background did not answer, or the override could not be logged. */
  error: string | null;
}

/** The reason the user gave for sending anyway. */
export interface OverrideChoice {
  reasonCode: string;
  reasonLabel: string;
  details: string;
}
