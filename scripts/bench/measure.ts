import { getHeapStatistics } from 'node:v8';

/**
 * Small measuring tools shared by the benchmark's child processes. Each child prints its
 * results as lines `BENCH {json}` on stdout as soon as each is known, so a child stopped at its
 * time cap still reports what it finished (scripts/bench.mjs reads them).
 */

export interface Result {
  /** Stable key the parent uses to place the figure. */
  key: string;
  value: number;
  unit: string;
  /** Free-form details printed beside the figure. */
  note?: string;
}

export function emit(result: Result): void {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

const MB = 1024 * 1024;

/** JS heap in use plus typed-array memory (which lives outside the heap), in MB. */
export function heapMB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / MB;
}

/** Heap the engine has reserved (it stays grown after a peak) plus typed arrays, in MB. */
export function committedMB(): number {
  return (getHeapStatistics().total_heap_size + process.memoryUsage().arrayBuffers) / MB;
}

export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Tracks the highest heap seen at the points it is asked to look, and every 2 ms in between. */
export function createPeakSampler(): { sample(): void; stop(): { peak: number; committed: number } } {
  let peak = heapMB();
  let committed = committedMB();
  const sample = (): void => {
    peak = Math.max(peak, heapMB());
    committed = Math.max(committed, committedMB());
  };
  const timer = setInterval(sample, 2);
  return {
    sample,
    stop() {
      sample();
      clearInterval(timer);
      return { peak, committed };
    },
  };
}

export function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Times `fn` `runs` times after `warm` unmeasured runs; returns the sorted durations in ms. */
export function timeRuns(fn: () => unknown, runs: number, warm = 2): number[] {
  for (let k = 0; k < warm; k++) fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/** The p-th percentile (0-100) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const median = (sorted: readonly number[]): number => percentile(sorted, 50);
