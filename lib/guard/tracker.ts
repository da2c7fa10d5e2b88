import { rangeFor } from '../dom/extract';
import { createHighlighter } from '../dom/highlight';
import { pageState, summarize } from '../verdict/summary';
import type { Assessment, Level } from '../match/types';
import type { ComposeSurface, SiteAdapter } from '../sites/types';
import type { OwnUi } from './own-ui';
import { withRetry } from './retry';
import { SLICING, yieldToPage } from '../dom/slicer';
import { LARGE_TEXT, sameSnapshot, takeSnapshot, takeSnapshotSliced, textSize, type Snapshot } from './snapshot';
import { scanInParts } from '../protocol/scan-parts';
import type { GuardBackend, GuardConfig, GuardUi, NoticeView } from './types';

/** What the guard knows about one compose surface. Never shared between two surfaces. */
export interface SurfaceState {
  readonly surface: ComposeSurface;
  /** The latest completed scan, with the snapshot it was made from. */
  result: { snapshot: Snapshot; assessment: Assessment; watchlistVersion: string } | null;
  /** The one scan under way for this surface; changes meanwhile set `dirty`. */
  inFlight: Promise<void> | null;
  dirty: boolean;
  scheduled: boolean;
  /** The send gate's hold on this surface. */
  gate: 'idle' | 'holding' | 'asking';
  notice: NoticeView;
}

const NOTHING: Assessment = { level: null, matches: [], blocking: false };

export interface TrackerDeps {
  adapter: SiteAdapter;
  backend: GuardBackend;
  ui: GuardUi;
  own: OwnUi;
  doc: Document;
  signal: AbortSignal;
  retryDelays: readonly number[];
}

export type Tracker = ReturnType<typeof createTracker>;

/**
 * Follows the page's compose surfaces and keeps each one's scan current: at most one scan in
 * flight per surface, bursts of keystrokes coalesced into the next one (docs/design.md#budgets).
 */
export function createTracker(deps: TrackerDeps) {
  const { adapter, backend, signal } = deps;
  const states = new WeakMap<HTMLElement, SurfaceState>();
  const live = new Set<SurfaceState>();
  const pending = new Set<Promise<unknown>>();
  const highlighter = createHighlighter(deps.doc);
  let config: GuardConfig | null = null;
  let reported = '';
  /** Problems already reported per surface: once each, however often it is scanned. */
  const problemsReported = new WeakMap<HTMLElement, Set<string>>();

  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    const done = (): void => void pending.delete(p);
    p.then(done, done);
    return p;
  };

  const fetchConfig = async (): Promise<GuardConfig> => {
    config = await withRetry(() => backend.config(), deps.retryDelays, signal);
    return config;
  };

  const report = (): void => {
    const state = pageState([...live].map((s) => s.result?.assessment ?? NOTHING));
    const text = JSON.stringify(state);
    if (text === reported) return;
    reported = text;
    // The badge is a convenience; a worker that is away now hears the next change.
    void track(backend.reportState(state).catch(() => undefined));
  };

  const show = (state: SurfaceState): void => {
    const result = state.result;
    const assessment = config?.enabled === false || !result ? NOTHING : result.assessment;
    const ranges: { range: Range; level: Level }[] = [];
    for (const m of assessment.matches) {
      const map = result?.snapshot.maps.get(m.field);
      const range = map ? rangeFor(map, m.start, m.end) : null;
      if (range) ranges.push({ range, level: m.level });
    }
    highlighter.set(state.surface.root, ranges);
    void track(state.notice.show({ level: assessment.level, items: summarize(assessment) }));
    report();
  };

  const scan = async (state: SurfaceState, snapshot: Snapshot): Promise<void> => {
    // Both at once: the config rarely changes, and waiting for it first would add a round trip
    // to every keystroke-to-notice (docs/design.md#budgets).
    // The runtime message serialises the request in the sending task (~10 ms per MB): a large
    // one goes in pieces, each a message in a task of its own, assembled by the background. A
    // failed piece fails the whole, and a retry sends it all again.
    const { request } = snapshot;
    const large = SLICING && textSize(request) > LARGE_TEXT;
    const scanPart = backend.scanPart?.bind(backend);
    const ask =
      large && scanPart
        ? () => scanInParts(request, scanPart, yieldToPage)
        : async () => {
            // No pieces: at least a task of its own rather than more time in the last slice's.
            if (large) await yieldToPage();
            return backend.scan(request);
          };
    const [cfg, answer] = await Promise.all([fetchConfig(), withRetry(ask, deps.retryDelays, signal)]);
    state.result = cfg.enabled ? { snapshot, ...answer } : { snapshot, assessment: NOTHING, watchlistVersion: '' };
    show(state);
    diagnose(state, snapshot);
  };

  /**
   * Asks the surface what its adapter could not find, once the user has written something: a
   * surface still rendering has no Send yet, one the user types in should. Fail visible: the
   * notice is up already; this tells the options page (issue 5).
   */
  const diagnose = (state: SurfaceState, snapshot: Snapshot): void => {
    const { surface } = state;
    if (!backend.reportDiagnostic || !surface.problems || snapshot.request.fields.every((f) => f.text.trim() === ''))
      return;
    let done = problemsReported.get(surface.root);
    for (const problem of surface.problems()) {
      if (done?.has(problem)) continue;
      if (!done) problemsReported.set(surface.root, (done = new Set()));
      done.add(problem);
      void track(backend.reportDiagnostic(problem).catch(() => undefined));
    }
  };

  /** Scans until the surface stops changing; rejects if the background stays unreachable. */
  const refresh = (state: SurfaceState): Promise<void> => {
    if (state.inFlight) {
      state.dirty = true;
      return state.inFlight;
    }
    const run = async (): Promise<void> => {
      do {
        state.dirty = false;
        if (!state.surface.root.isConnected || signal.aborted) return;
        // In slices: a huge paste must not freeze the page (docs/design.md#budgets). The snapshot is whole:
        // a change during a pause restarts it, and also sets `dirty` (the guard's observer), so
        // this loop checks once more after the scan.
        const snapshot = await takeSnapshotSliced(adapter, state.surface);
        if (!state.surface.root.isConnected || signal.aborted) return;
        if (config && state.result && sameSnapshot(state.result.snapshot, snapshot)) continue;
        await scan(state, snapshot);
      } while (state.dirty);
    };
    // Cleared in a callback, never inside run(): when nothing changed, run() finishes before
    // this assignment, and a `finally` there would leave a settled promise "in flight" for ever.
    const flight: Promise<void> = run().finally(() => {
      if (state.inFlight === flight) state.inFlight = null;
    });
    state.inFlight = track(flight);
    return flight;
  };

  const schedule = (state: SurfaceState): void => {
    if (state.scheduled) return;
    state.scheduled = true;
    // A microtask: after the rest of this event's DOM changes, well before the next frame.
    queueMicrotask(() => {
      state.scheduled = false;
      // A failed live scan keeps the last notice; the next change or send attempt tries again.
      refresh(state).catch(() => undefined);
    });
  };

  const stateFor = (surface: ComposeSurface): SurfaceState => {
    let state = states.get(surface.root);
    if (!state) {
      state = {
        surface,
        result: null,
        inFlight: null,
        dirty: false,
        scheduled: false,
        gate: 'idle',
        notice: deps.ui.notice(surface, deps.own),
      };
      states.set(surface.root, state);
      live.add(state);
      // Mount the (empty) live region now, so its first warning is announced (ARIA live regions).
      void track(state.notice.show({ level: null, items: [] }));
      schedule(state);
    }
    return state;
  };

  const forget = (state: SurfaceState): void => {
    live.delete(state);
    states.delete(state.surface.root);
    highlighter.clear(state.surface.root);
    state.notice.remove();
  };

  return {
    stateFor,
    schedule,
    refresh,
    config: () => config,
    fetchConfig,
    /** Whether the latest scan describes the surface as it is now (costs one extraction). */
    isCurrent: (state: SurfaceState): boolean =>
      config !== null &&
      state.result !== null &&
      sameSnapshot(state.result.snapshot, takeSnapshot(adapter, state.surface)),
    /** Starts tracking surfaces that appeared. */
    discover(): void {
      for (const surface of adapter.findSurfaces(deps.doc)) stateFor(surface);
    },
    /** Drops surfaces that left the page (a sent or discarded compose). */
    prune(): void {
      let changed = false;
      for (const state of live) {
        // A compose moved into another window (Outlook's pop-out adopts it) is that window's guard's now.
        if (state.surface.root.isConnected && state.surface.root.ownerDocument === deps.doc) continue;
        forget(state);
        changed = true;
      }
      if (changed) report();
    },
    /** Resolves once no scan, notice update or report is under way. */
    async settled(): Promise<void> {
      while (pending.size > 0 || [...live].some((s) => s.scheduled)) {
        await Promise.allSettled([...pending]);
        // Scans scheduled as microtasks join `pending` once they start.
        await Promise.resolve();
      }
    },
    track,
    dispose(): void {
      for (const state of [...live]) forget(state);
      highlighter.dispose();
    },
  };
}
