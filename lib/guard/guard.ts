import { createGate } from './gate';
import { createOwnUi } from './own-ui';
import { isNode } from '../dom/realm';
import { createTracker } from './tracker';
import type { GuardOptions } from './types';

/**
 * The shared engine every site reuses (docs/design.md#site-adapters,
 * docs/design.md#warnings-and-the-gate; docs/sites.md#capture-listeners): one set of capture
 * listeners on `window`, registered at document_start so they run before any of the page's,
 * one MutationObserver, and everything removed when `signal` aborts. It knows no site: the
 * adapter answers every question about the DOM.
 */
export interface Guard {
  /** Resolves once no scan, notice update, log write or held send is under way (tests). */
  settled(): Promise<void>;
}

const GATE_EVENTS = ['keydown', 'pointerdown', 'mousedown', 'mouseup', 'click'] as const;
/** Input that changes a surface now; the DOM already holds the change when these fire. */
const CHANGE_EVENTS = ['input', 'change', 'focusin'] as const;
/**
 * Input announced before the DOM changes (paste, drop, beforeinput): the surface is tracked
 * at once, and the `input` event or mutation that follows schedules the scan, so the text
 * is not extracted twice.
 */
const COMING_EVENTS = ['beforeinput', 'paste', 'drop'] as const;

const DEFAULT_RETRY_DELAYS = [150, 400, 1_000];

export function startGuard(options: GuardOptions): Guard {
  const win = options.window ?? window;
  const doc = win.document;
  const { adapter, signal } = options;
  const own = createOwnUi();
  const deps = { ...options, own, doc, retryDelays: options.retryDelays ?? DEFAULT_RETRY_DELAYS };
  const tracker = createTracker(deps);
  const gate = createGate({ ...deps, tracker });

  const surfaceOf = (event: Event) => {
    if (own.isOwnEvent(event)) return null;
    const node = event.composedPath()[0] ?? event.target;
    return isNode(node) ? adapter.surfaceFor(node) : null;
  };
  const onChange = (event: Event): void => {
    const surface = surfaceOf(event);
    if (surface) tracker.schedule(tracker.stateFor(surface));
  };
  const onComing = (event: Event): void => {
    const surface = surfaceOf(event);
    if (surface) tracker.stateFor(surface);
  };
  /**
   * Registers every listener; again after `document.open()`, which erases the window's
   * listeners with the document's. Outlook writes its about:blank pop-out that way, after
   * this script ran (docs/sites.md#outlook-pop-out-window). Same handlers, same options: a
   * listener still there is not added twice.
   */
  const listenAll = (): void => {
    if (signal.aborted) return;
    const listen = (type: string, handler: (event: Event) => void): void =>
      win.addEventListener(type, handler, { capture: true, signal });
    for (const type of GATE_EVENTS) listen(type, gate.onEvent);
    for (const type of CHANGE_EVENTS) listen(type, onChange);
    for (const type of COMING_EVENTS) listen(type, onComing);
  };
  listenAll();

  // childList + characterData only: Gmail rewrites attributes constantly, and observing them
  // is an endless re-check loop (docs/sites.md#gmail-pitfalls).
  const observer = new MutationObserver((records) => {
    let added = false;
    let removed = false;
    const touched = new Set<HTMLElement>();
    // A big paste brings tens of thousands of records on a few targets, all in the paste's own
    // task: each target is looked up once, and no record is copied into arrays.
    const looked = new Set<Node>();
    for (const record of records) {
      // The document's own children replaced: document.open()/write() ran (see listenAll).
      if (record.type === 'childList' && record.target === doc) listenAll();
      if (record.type === 'childList') {
        if (allOwn(record.addedNodes) && allOwn(record.removedNodes)) continue;
        added ||= anyElement(record.addedNodes);
        removed ||= record.removedNodes.length > 0;
      }
      if (looked.has(record.target)) continue;
      looked.add(record.target);
      const surface = adapter.surfaceFor(record.target);
      if (surface && !touched.has(surface.root)) {
        touched.add(surface.root);
        tracker.schedule(tracker.stateFor(surface));
      }
    }
    if (added) tracker.discover();
    if (removed) tracker.prune();
  });
  const allOwn = (nodes: NodeList): boolean => {
    for (let i = 0; i < nodes.length; i++) if (!own.isOwnNode(nodes[i]!)) return false;
    return true;
  };
  const anyElement = (nodes: NodeList): boolean => {
    for (let i = 0; i < nodes.length; i++) if (nodes[i]!.nodeType === Node.ELEMENT_NODE) return true;
    return false;
  };
  observer.observe(doc, { childList: true, characterData: true, subtree: true });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      tracker.dispose();
    },
    { once: true },
  );

  // A script injected after load finds its surfaces already there. Nothing is asked of the
  // background until a surface appears: Gmail has many frames, most never hold a compose.
  tracker.discover();

  return { settled: () => tracker.settled() };
}
