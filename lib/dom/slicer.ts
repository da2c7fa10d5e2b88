import type { Slicer } from './extract';

/**
 * Slices of main-thread work for long jobs in the page (docs/design.md#budgets: the page is never frozen for
 * more than 50 ms). A slice ends once it has run `sliceMs`; the pause lets the browser handle
 * input and paint before the next slice starts.
 */

/** A slice's share of the main thread: well under the 50 ms budget, and under a frame's worth. */
export const SLICE_MS = 8;

interface TaskScheduler {
  yield(): Promise<void>;
}

/**
 * Gives the page a turn. `scheduler.yield()` (Chromium 129+) resumes ahead of other queued
 * tasks once input and rendering have run; elsewhere a MessageChannel message is a new task
 * without setTimeout's 4 ms clamp (or its throttling in a background tab); setTimeout(0) last.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface SlicerOptions {
  sliceMs?: number;
  now?: () => number;
  pause?: () => Promise<void>;
}

/** A slicer whose first slice starts now. */
export function createSlicer(options: SlicerOptions = {}): Slicer {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? yieldToPage;
  let started = now();
  return {
    due: () => now() - started >= sliceMs,
    async pause() {
      await pause();
      started = now();
    },
  };
}

/**
 * Test-only switch: a build made with `wxt build -b chrome -m unsliced` (output
 * .output/chrome-mv3-unsliced) reads every body in one task, as before slicing, so the benchmark
 * (scripts/bench/paste-child.ts) can measure what slicing changes in a real browser. Every other
 * build (mode production; development; test under Vitest) slices. Vite folds the constant, so a
 * production bundle carries no trace of the other branch.
 */
export const SLICING: boolean = import.meta.env.MODE !== 'unsliced';

/** A slicer that never pauses: the whole job in the current task. */
export const UNSLICED: Slicer = { due: () => false, pause: () => Promise.resolve() };
