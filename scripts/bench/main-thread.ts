import type { CDPSession, Page } from 'playwright-core';

/**
 * What ran on a page's main thread, from a Chromium trace: every top-level task with its
 * duration, and how much of it was the extension's JavaScript (the trace's CPU samples whose
 * stack holds a frame of a chrome-extension:// script: the content script, and what it calls:
 * DOM reads, JSON, runtime messages). A page's long task can be the browser's own work (inserting
 * and laying out a 5 MB paste); this tells the two apart.
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string; functionName?: string };
}

export interface MainTask {
  /** Start, ms from the trace's first task. */
  start: number;
  duration: number;
  /** The extension's JavaScript in this task, ms (sampled). */
  extension: number;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

export interface MainThreadTrace {
  stop(): Promise<MainTask[]>;
}

export async function traceMainThread(page: Page, pageUrlPrefix: string): Promise<MainThreadTrace> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return analyse(events, pageUrlPrefix);
    },
  };
}

function analyse(events: TraceEvent[], pageUrlPrefix: string): MainTask[] {
  // The renderer of the page under test, and its main thread.
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = (started?.args?.data as { frames?: { processId: number; url: string }[] } | undefined)?.frames ?? [];
  const pid = frames.find((f) => f.url.startsWith(pageUrlPrefix))?.processId;
  if (pid === undefined)
    throw new Error(`no renderer for ${pageUrlPrefix} in the trace (frames: ${frames.map((f) => f.url).join(', ')})`);
  const tid = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.pid === pid &&
      (e.args as { name?: string }).name === 'CrRendererMain',
  )?.tid;
  if (tid === undefined) throw new Error('no CrRendererMain thread in the trace');

  // CPU samples of that thread: which are the extension's, and when.
  const nodes = new Map<number, ProfileNode>();
  const samplesAt: { time: number; extension: boolean }[] = [];
  const profiles = new Map<string, { time: number }>();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.name === 'Profile') profiles.set(e.id ?? '', { time: (e.args?.data as { startTime: number }).startTime });
  }
  const isExtension = new Map<number, boolean>();
  const extensionNode = (id: number): boolean => {
    const known = isExtension.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const own = node?.callFrame?.url?.startsWith('chrome-extension://') ?? false;
    const result = own || (node?.parent !== undefined && extensionNode(node.parent));
    isExtension.set(id, result);
    return result;
  };
  // Chunks carry time deltas: they must be read in order, whatever order they arrived in.
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid).sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const profile = profiles.get(e.id ?? '');
    if (!profile) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      profile.time += deltas[i] ?? 0;
      samplesAt.push({ time: profile.time, extension: extensionNode(samples[i]!) });
    }
  }
  samplesAt.sort((a, b) => a.time - b.time);
  // Top-level tasks: the DevTools "Task" (RunTask) and the scheduler's own; the outermost of each nest.
  const candidates = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        (e.dur ?? 0) > 0,
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TraceEvent[] = [];
  for (const e of candidates) {
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + last.dur!) continue;
    tasks.push(e);
  }
  const origin = tasks[0]?.ts ?? 0;
  // Each sample stands for the time to the next one (at most 2 ms: the profiler may pause).
  const out: MainTask[] = [];
  let s = 0;
  for (const t of tasks) {
    const end = t.ts + t.dur!;
    while (s < samplesAt.length && samplesAt[s]!.time < t.ts) s++;
    let ext = 0;
    for (let k = s; k < samplesAt.length && samplesAt[k]!.time <= end; k++) {
      if (!samplesAt[k]!.extension) continue;
      const next = samplesAt[k + 1]?.time ?? end;
      ext += Math.min(Math.min(next, end) - samplesAt[k]!.time, 2_000);
    }
    out.push({ start: (t.ts - origin) / 1000, duration: t.dur! / 1000, extension: ext / 1000 });
  }
  return out;
}
