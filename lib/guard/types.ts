import type { GateDecision } from '../log/types';
import type { Assessment, Level } from '../match/types';
import type { RequestOf, ResponseOf } from '../platform/protocol';
import type { ScanPart, ScanPartReply } from '../platform/scan-parts';
import type { SiteAdapter } from '../sites/types';

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
   * Sends one piece of a large request (lib/platform/scan-parts.ts): each piece is a message of
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

/** A container for Preact UI inside a shadow root the page cannot read (docs/design.md#closed-to-the-page). */
export interface UiMount {
  /** Where the component renders, inside the shadow root. */
  readonly container: HTMLElement;
  /** The element in the page's DOM that hosts the shadow root. */
  readonly host: HTMLElement;
  remove(): void;
}

/** Creates shadow-root UI (the content script: WXT createShadowRootUi, closed; tests: open). */
export interface UiHost {
  /** A container placed in the page just before `anchor`. */
  inline(anchor: HTMLElement, css: string): Promise<UiMount>;
  /** A container covering the viewport, above the page. */
  modal(css: string): Promise<UiMount>;
}

export interface GuardOptions {
  adapter: SiteAdapter;
  backend: GuardBackend;
  ui: UiHost;
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
