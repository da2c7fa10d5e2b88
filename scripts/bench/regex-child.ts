import { collect, cpuMs, createPeakSampler, emit, heapMB, median, timeRuns } from './measure';
import { makeText, sampleRows } from './texts';
import { watchlistRows } from './watchlist-data';

/**
 * `regex-child.ts ROWS literal|tolerant`: the baseline of docs/design.md#budgets, measured on the same data
 * as ours: one case-insensitive RegExp alternation of every term (names, aliases, client and
 * matter numbers) between word boundaries.
 * - literal: each term escaped as written. None of the tolerance of docs/design.md#detection (separators, suffixes,
 *   diacritics, line breaks), so it finds fewer matches and its cost is a lower bound;
 * - tolerant: what a regex can cheaply add of docs/design.md#detection: any non-word run between name words,
 *   an optional separator between identifier parts.
 * It often does not finish, so each figure is printed as soon as it is known and the parent
 * stops the process at its cap; a pattern the engine refuses is reported as such.
 */
const rows = Number(process.argv[2]);
const tolerant = process.argv[3] === 'tolerant';
const escape = (s: string): string => s.trim().replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const name = (s: string): string => (tolerant ? s.trim().split(/\s+/).map(escape).join('\\W+') : escape(s));
const id = (s: string): string =>
  tolerant
    ? s
        .trim()
        .split(/[-._/\s]+/)
        .map(escape)
        .join('[-._/\\s]?')
    : escape(s);

collect();
const before = heapMB();
const sampler = createPeakSampler();
const cpu0 = cpuMs();
const t0 = performance.now();
const terms = new Set<string>();
const sample = sampleRows(watchlistRows(rows), Math.max(1, Math.floor(rows / 2000)), (e) => {
  for (const term of [e.clientName, ...e.aliases]) terms.add(name(term));
  for (const term of [e.clientNumber, e.matterNumber]) if (term !== '') terms.add(id(term));
});
sampler.sample();
const regex = new RegExp(`\\b(?:${[...terms].join('|')})\\b`, 'gi');
const termCount = terms.size;
terms.clear();
try {
  // V8 compiles a regular expression on its first use: that is part of building it.
  regex.exec('warm up');
} catch (error) {
  emit({
    key: 'regex.error',
    value: termCount,
    unit: 'terms',
    note: error instanceof Error ? error.message.replace(/^.*: /, '') : String(error),
  });
  process.exit(0);
}
const wall = performance.now() - t0;
emit({ key: 'regex.compile.wall', value: wall, unit: 'ms', note: `${Math.round(cpuMs() - cpu0)} ms CPU` });
const { peak } = sampler.stop();
emit({ key: 'regex.compile.peak', value: peak, unit: 'MB' });
collect();
emit({ key: 'regex.compiled.size', value: heapMB() - before, unit: 'MB' });

function count(text: string): number {
  regex.lastIndex = 0;
  let n = 0;
  while (regex.exec(text) !== null) n++;
  return n;
}

for (const [label, chars, runs] of [
  ['2k', 2_000, 30],
  ['10k', 10_000, 10],
  ['100k', 100_000, 3],
  ['1m', 1_000_000, 1],
] as const) {
  const text = makeText(chars, sample, label === '10k' ? 10 : chars);
  const times = timeRuns(() => count(text), runs, label === '2k' ? 1 : 0);
  emit({ key: `regex.scan.${label}`, value: median(times), unit: 'ms', note: `${count(text)} matches` });
}
