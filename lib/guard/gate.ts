import { decideGate, gateAction, type GateAnswer, type GateVerdict } from '../verdict/decide';
import { loggedMatches, summarize } from '../verdict/summary';
import type { GateAction, GateDecision } from '../log/types';
import type { OverrideChoice } from '../verdict/question';
import type { ComposeSurface, SendIntent } from '../sites/types';
import { isHtmlElement, isNode } from '../dom/realm';
import { failureText, withRetry } from './retry';
import type { SurfaceState, Tracker, TrackerDeps } from './tracker';

/**
 * The send gate (docs/design.md#send-gate): catches send attempts in the capture phase at `window`, decides
 * synchronously from the surface's latest scan, and holds the send while it waits or asks.
 */
export interface GateDeps extends TrackerDeps {
  tracker: Tracker;
}

const PRESS_FOLLOWUPS = new Set(['mousedown', 'mouseup', 'click']);
// The protocol's bounds on a recordDecision (lib/protocol/protocol.ts): a record over them would
// be refused, and an override that cannot be logged cannot be released.
const MAX_LOGGED_MATCHES = 1_000;
const MAX_REASON = 4_000;
const VERB_ING: Record<string, string> = { Send: 'sending', Share: 'sharing', Post: 'posting' };

function hold(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
  event.stopImmediatePropagation();
}

/** The focused element, looking into open shadow roots (editors sometimes live in one). */
function focusedElement(doc: Document): HTMLElement | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return isHtmlElement(el) ? el : null;
}

export function createGate(deps: GateDeps) {
  const { adapter, backend, tracker, signal } = deps;
  const title = `Matterguard: check before ${VERB_ING[adapter.overrideLabel.split(' ')[0] ?? ''] ?? 'sending'}`;
  /** True only while our own re-dispatched send runs: those events pass, exactly once. */
  let bypass = false;
  /** The compose whose current mouse press the gate holds, until its click decides. */
  let heldPress: HTMLElement | null = null;
  /** One dialog at a time. */
  let dialogs: Promise<unknown> = Promise.resolve();

  const release = (intent: SendIntent, surface: ComposeSurface): void => {
    if (!surface.root.isConnected || signal.aborted) return;
    bypass = true;
    try {
      adapter.resend(intent, surface);
    } finally {
      bypass = false;
    }
  };

  const decision = (
    state: SurfaceState,
    intent: SendIntent,
    action: GateAction,
    choice?: OverrideChoice,
  ): GateDecision | null => {
    const result = state.result;
    if (!result?.assessment.level) return null;
    return {
      site: adapter.id,
      surface: intent.path === 'schedule' ? 'schedule-send' : state.surface.kind,
      action,
      level: result.assessment.level,
      reasonCode: choice?.reasonCode ?? '',
      reason: (choice ? (choice.details ? `${choice.reasonLabel}: ${choice.details}` : choice.reasonLabel) : '').slice(
        0,
        MAX_REASON,
      ),
      matches: loggedMatches(result.assessment).slice(0, MAX_LOGGED_MATCHES),
      recipients: result.snapshot.request.recipients,
    };
  };

  const record = (d: GateDecision | null): Promise<unknown> =>
    d ? withRetry(() => backend.record(d), deps.retryDelays, signal) : Promise.resolve();
  /** Decisions that release nothing are logged in the background of the page's work. */
  const recordLater = (d: GateDecision | null): void => void tracker.track(record(d).catch(() => undefined));

  const ask = (
    state: SurfaceState,
    intent: SendIntent,
    verdict: 'ask' | 'refuse' | 'error',
    error: string | null,
    onAnswered: () => void,
  ): Promise<GateAnswer> => {
    const shown = state.result?.assessment;
    const next = dialogs.then(() =>
      deps.ui.ask(
        {
          variant: verdict,
          title,
          level: shown?.level ?? null,
          items: shown ? summarize(shown) : [],
          reasons: tracker.config()?.reasons ?? [],
          overrideLabel: adapter.overrideLabel,
          error,
        },
        deps.own,
        // docs/design.md#nothing-sent-unlogged: the override is stored before the send is released.
        async (choice) => void (await record(decision(state, intent, 'override', choice))),
        signal,
        onAnswered,
      ),
    );
    dialogs = next.catch(() => undefined);
    return next;
  };

  /** Brings the surface's scan up to date; a few rounds at most if something keeps editing it. */
  const settle = async (state: SurfaceState): Promise<void> => {
    for (let round = 0; round < 3; round++) {
      if (!tracker.config()) await tracker.fetchConfig();
      await tracker.refresh(state);
      if (tracker.isCurrent(state)) return;
    }
  };

  const run = async (
    state: SurfaceState,
    intent: SendIntent,
    first: GateVerdict,
    trusted: boolean,
    focus: HTMLElement | null,
  ): Promise<void> => {
    const surface = state.surface;
    state.gate = 'holding';
    // What follows the user's answer (the log write, the release) counts as work under way.
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const answered = (): void => void tracker.track(done);
    try {
      let verdict = first;
      if (verdict === 'wait') {
        try {
          await tracker.track(settle(state));
        } catch (failure) {
          // Never send unchecked: the user hears why, a page script's attempt just ends.
          state.gate = 'asking';
          if (trusted) await ask(state, intent, 'error', failureText(failure), answered);
          return;
        }
        const cfg = tracker.config();
        verdict = decideGate({
          trusted,
          gateOpen: false,
          config: cfg,
          assessment: state.result?.assessment ?? null,
          current: true,
        });
      }
      if (verdict === 'pass' || verdict === 'audit') {
        if (verdict === 'audit') recordLater(decision(state, intent, 'audited'));
        release(intent, surface);
        return;
      }
      if (verdict !== 'ask' && verdict !== 'refuse') return;
      state.gate = 'asking';
      const answer = await ask(state, intent, verdict, null, answered);
      if (answer === 'override' && verdict === 'ask') {
        release(intent, surface);
        return;
      }
      recordLater(decision(state, intent, gateAction(verdict, answer)));
      if (focus?.isConnected) focus.focus();
    } finally {
      state.gate = 'idle';
      finished();
    }
  };

  /**
   * The capture listener at `window` for keydown, pointerdown, mousedown, mouseup and click.
   * A mouse press is held from its first event, but the gate asks only at its click, when the
   * press is complete: a dialog appearing mid-press would swallow the rest of it.
   */
  const onEvent = (event: Event): void => {
    if (bypass || signal.aborted || deps.own.isOwnEvent(event)) return;
    if (event.type === 'pointerdown') heldPress = null;
    const node = event.composedPath()[0] ?? event.target;
    if (!isNode(node)) return;
    const surface = adapter.surfaceFor(node);
    if (!surface) return;
    const intent = adapter.sendIntent(event, surface);
    if (!intent) return;
    const state = tracker.stateFor(surface);
    const pressHeld = heldPress === surface.root && PRESS_FOLLOWUPS.has(event.type);
    const verdict = decideGate({
      trusted: event.isTrusted,
      gateOpen: state.gate !== 'idle',
      config: tracker.config(),
      assessment: state.result?.assessment ?? null,
      current: tracker.isCurrent(state),
    });
    const lets = verdict === 'pass' || verdict === 'audit';

    if (event.type !== 'click' && event.type !== 'keydown') {
      // Part of a press: hold it (and the rest of it) or leave it alone; decide at the click.
      if (lets && !pressHeld) return;
      hold(event);
      heldPress = surface.root;
      return;
    }
    if (event.type === 'click') heldPress = null;
    if (lets) {
      // One record per send: the click or key that completes it, not every event of the press.
      if (verdict === 'audit') recordLater(decision(state, intent, 'audited'));
      if (!pressHeld) return;
      // The site never saw this press's mousedown/mouseup: replay the whole click instead.
      hold(event);
      release(intent, surface);
      return;
    }
    hold(event);
    if (verdict === 'drop') return;
    void run(state, intent, verdict, event.isTrusted, focusedElement(deps.doc));
  };

  return { onEvent };
}
