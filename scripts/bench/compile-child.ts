import { createReadStream, statSync } from 'node:fs';
import { createWatchlistTextCompiler } from '../../lib/match/compile-text';
import { collect, cpuMs, createPeakSampler, emit, heapMB } from './measure';

/**
 * `compile-child.ts FILE ROWS`: reads and compiles a firm CSV as the background does (DESIGN
 * 10: CSV parse included), streaming the file in 1 MB pieces. Run in its own process, with
 * --expose-gc, so the heap figures are this compile's alone.
 */
const [file, rows] = process.argv.slice(2);
if (!file || !rows) throw new Error('usage: compile-child.ts FILE ROWS');
collect();
const before = heapMB();
const sampler = createPeakSampler();
const cpu0 = cpuMs();
const t0 = performance.now();
// The background compiles a list it has stored, whose version it knows (no content hash).
const compiler = createWatchlistTextCompiler({ source: 'firm', fileName: file, version: 'bench', expectedEntries: statSync(file).size / 130 });
for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  compiler.push(piece as string);
  sampler.sample();
}
const result = compiler.finish();
sampler.sample();
const wall = performance.now() - t0;
const cpu = cpuMs() - cpu0;
const { peak, committed } = sampler.stop();
collect();
const retained = heapMB() - before;
if (result.entryCount !== Number(rows)) throw new Error(`compiled ${result.entryCount} rows, expected ${rows}`);
emit({ key: 'compile.wall', value: wall, unit: 'ms', note: `${Math.round(cpu)} ms CPU` });
emit({ key: 'compile.cpu', value: cpu, unit: 'ms' });
emit({ key: 'compile.peak', value: peak, unit: 'MB', note: `engine-reserved heap up to ${Math.round(committed)} MB` });
emit({ key: 'compile.retained', value: retained, unit: 'MB', note: `${result.compiled.clientNames.length} clients` });
