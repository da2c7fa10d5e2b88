import { createReadStream, statSync } from 'node:fs';
import { createWatchlistCompiler } from '../../lib/match/compile';
import { createByteReader } from '../../lib/watchlist/stream';
import { collect, cpuMs, createPeakSampler, emit, heapMB } from './measure';

/**
 * `compile-child.ts FILE ROWS`: reads and compiles a firm CSV as the background does
 * (docs/design.md#budgets: CSV parse included): the stored list's bytes, 1 MB blocks, through the
 * byte reader (with the list's version known, as it is for a stored list) into the compiler. Run in
 * its own process, with --expose-gc, so the heap figures are this compile's alone.
 */
const [file, rows] = process.argv.slice(2);
if (!file || !rows) throw new Error('usage: compile-child.ts FILE ROWS');
collect();
const before = heapMB();
const sampler = createPeakSampler();
const cpu0 = cpuMs();
const t0 = performance.now();
const compiler = createWatchlistCompiler(statSync(file).size / 130);
const reader = createByteReader({
  source: 'firm',
  fileName: file,
  version: 'bench',
  onEntry: (entry) => compiler.add(entry),
});
for await (const block of createReadStream(file, { highWaterMark: 1 << 20 })) {
  reader.push(block as Buffer);
  sampler.sample();
}
const summary = reader.finish();
const compiled = compiler.finish();
sampler.sample();
const wall = performance.now() - t0;
const cpu = cpuMs() - cpu0;
const { peak, committed } = sampler.stop();
collect();
const retained = heapMB() - before;
if (summary.entryCount !== Number(rows)) throw new Error(`compiled ${summary.entryCount} rows, expected ${rows}`);
emit({ key: 'compile.wall', value: wall, unit: 'ms', note: `${Math.round(cpu)} ms CPU` });
emit({ key: 'compile.cpu', value: cpu, unit: 'ms' });
emit({ key: 'compile.peak', value: peak, unit: 'MB', note: `engine-reserved heap up to ${Math.round(committed)} MB` });
emit({ key: 'compile.retained', value: retained, unit: 'MB', note: `${compiled.clientNames.length} clients` });
