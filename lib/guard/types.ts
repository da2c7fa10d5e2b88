import type { GateDecision } from '../log/types';
import type { Assessment, Level } from '../match/types';
import type { RequestOf, ResponseOf } from '../protocol/protocol';
import type { ScanPart, ScanPartReply } from '../protocol/scan-parts';
import type { ComposeSurface, SiteAdapter } from '../sites/types';
import type { GateAnswer } from '../verdict/decide';
import type { GateQuestion, NoticeContent, OverrideChoice } from '../verdict/question';
import type { OwnUi } from './own-ui';

/** What the guard asks the background to scan: one surface's fields and recipients. */
export type ScanRequest = RequestOf<'scanSurface'>;
export type GuardConfig = ResponseOf<'getGuardConfig'>;

/** What the page reports for the popup and badge: the worst level across its surfaces. */
export interface GuardState {
  level: Level | null;
  matchCount: number;
  summary: string[];
}

/**
 * The guard's only way out of the page (docs/design.md#architecture):
 * the content script implements it with runtime messages, tests in memory.
 */
export interface GuardBackend {
  scan(request: ScanRequest): Promise<{ assessment: Assessment; watchlistVersion: string }>;
  /**
   * Sends one piece of a large request (lib/protocol/scan-parts.ts): each piece is a message of
   * its own, in a task of its own. Absent: large requests go whole through `scan`.
   */
  scanPart?(part: ScanPart): Promise<ScanPartReply>;
  config(): Promise<GuardConfig>;
  /** Resolves only once the decision is stored (docs/design.md#nothing-sent-unlogged: the send is released after). */
  record(decision: GateDecision): Promise<{ id: string }>;
  reportState(state: GuardState): Promise<unknown>;
  /** Reports a problem the adapter met ("send button not found"); absent: not reported. */
  reportDiagnostic?(problem: string): Promise<unknown>;
}

/** The inline notice of one surface, kept in the page while the surface lives (docs/design.md#inline-notice). */
export interface NoticeView {
  show(content: NoticeContent): Promise<void>;
  remove(): void;
}

/**
 * The guard's in-page views (docs/design.md#warnings-and-the-gate), handed to it like its backend: the content script gives
 * the Preact views of lib/content in closed shadow roots, tests the same views in open ones.
 * Each view adds its shadow host to `own`, so the guard ignores events from its own UI.
 */
export interface GuardUi {
  notice(surface: ComposeSurface, own: OwnUi): NoticeView;
  /**
   * Shows the gate dialog until the user answers. "Send anyway" first runs `onOverride` (the log
   * write) with the dialog busy; only when it resolves does the dialog close with 'override'. If
   * it fails, the dialog stays with the error, so the user can try again or go back.
   */
  ask(
    question: GateQuestion,
    own: OwnUi,
    onOverride: (choice: OverrideChoice) => Promise<void>,
    signal: AbortSignal,
    /** Called the moment the user answers, before the promise settles (lets the guard track what follows). */
    onAnswered: () => void,
  ): Promise<GateAnswer>;
}

export interface GuardOptions {
  adapter: SiteAdapter;
  backend: GuardBackend;
  ui: GuardUi;
  /** Everything the guard installs goes when this aborts (the content-script context). */
  signal: AbortSignal;
  /** The window to guard; the content script's own by default. */
  window?: Window;
  /**
   * Pauses (ms) between attempts when the background does not answer (the worker may be
   * restarting, docs/design.md#worker-restarts). Tests pass zeros.
   */
  retryDelays?: readonly number[];
}
