import { assessSurface, createWatchlistCompiler, scanText, type CompiledWatchlist } from '../../lib/match';
import { fillEntry, foldTable } from '../../lib/match/normalize';
import { createScanCache } from '../../lib/match/scan-cache';
import { collect, emit, heapMB, median, percentile, timeRuns } from './measure';
import { makeText, sampleRows } from './texts';
import { watchlistRows } from './watchlist-data';

/**
 * `scan-child.ts ROWS [keystrokes] [reference] [json]`: compiles ROWS generated rows (not
 * timed here; compile-child.ts times that), then times scans of 2 KB, 100 KB and 1 MB texts
 * and, on request, a typing session on a 10 KB body, the normalisation passes a scan is
 * compared with, and what the compiled list would cost as a JSON runtime message.
 */
const [rowsArg, ...wanted] = process.argv.slice(2);
const rows = Number(rowsArg);
collect();
const before = heapMB();
const compiler = createWatchlistCompiler(rows);
const sample = sampleRows(watchlistRows(rows), Math.max(1, Math.floor(rows / 2000)), (e) => compiler.add(e));
const compiled = compiler.finish();
collect();
emit({ key: 'compiled.size', value: heapMB() - before, unit: 'MB' });

const ctx = {
  recipients: ['partner@firm.example', 'someone@gmail.example'],
  firmDomains: ['firm.example'],
  audience: null,
};
const assess = (c: CompiledWatchlist, text: string) => assessSurface(c, [{ name: 'body', text }], ctx);

for (const [label, chars, runs] of [
  ['2k', 2_000, 400],
  ['100k', 100_000, 40],
  ['1m', 1_000_000, 15],
] as const) {
  const text = makeText(chars, sample, chars);
  const times = timeRuns(() => scanText(compiled, text), runs);
  const found = scanText(compiled, text).length;
  emit({ key: `scan.${label}.p50`, value: median(times), unit: 'ms', note: `${found} matches` });
  emit({ key: `scan.${label}.p99`, value: percentile(times, 99), unit: 'ms' });
  // On a shared machine the best run is the closest to the code's own cost.
  emit({ key: `scan.${label}.best`, value: times[0] ?? NaN, unit: 'ms' });
  emit({ key: `scan.${label}.mbps`, value: chars / 1e6 / (median(times) / 1000), unit: 'MB/s' });
}

/** Characters per second of a pass over `text`, best of a few runs, in MB/s. */
function passRate(text: string, pass: (t: string) => unknown): number {
  return text.length / 1e6 / (timeRuns(() => pass(text), 5)[0]! / 1000);
}

if (wanted.includes('reference')) {
  const text = makeText(1_000_000, sample, 7);
  emit({
    key: 'norm.walk',
    value: passRate(text, (t) => {
      let sum = 0;
      for (let i = 0; i < t.length; i++) sum += t.charCodeAt(i);
      return sum;
    }),
    unit: 'MB/s',
  });
  emit({
    key: 'norm.fold',
    value: passRate(text, (t) => {
      let sum = 0;
      for (let i = 0; i < t.length; i++) {
        const code = t.charCodeAt(i);
        sum += foldTable[code] || fillEntry(code);
      }
      return sum;
    }),
    unit: 'MB/s',
  });
  emit({ key: 'norm.nfkc', value: passRate(text, (t) => t.normalize('NFKC').toLowerCase()), unit: 'MB/s' });
  // The normalisation of docs/design.md#detection with the string built-ins: compatibility forms, diacritics and
  // invisible characters removed, lower case. The reference the scan's throughput is held to.
  const marks = /[\p{M}\p{Cf}]/gu;
  emit({
    key: 'norm.nfkd',
    value: passRate(text, (t) => t.normalize('NFKD').replace(marks, '').toLowerCase()),
    unit: 'MB/s',
  });
  emit({ key: 'norm.scan', value: passRate(text, (t) => scanText(compiled, t)), unit: 'MB/s' });
}

if (wanted.includes('keystrokes')) {
  // A 10 KB message being edited in the middle: 400 keystrokes, a backspace every 25th.
  let body = makeText(10_000, sample, 10);
  const typed =
    `Further to our call, ${sample[3]?.clientName ?? 'Acme'} and matter ${sample[5]?.matterNumber ?? '1'} need review. `.repeat(
      4,
    );
  let cursor = Math.floor(body.length * 0.6);
  const cache = createScanCache();
  const key = '3:0:compose-1:0:body';
  const scan = (text: string) => cache.scan(compiled, key, text);
  assessSurface(compiled, [{ name: 'body', text: body }], ctx, scan);
  const incremental: number[] = [];
  const full: number[] = [];
  const serialise: number[] = [];
  for (let k = 0; k < 400; k++) {
    if (k % 25 === 24) body = body.slice(0, --cursor) + body.slice(cursor + 1);
    else body = body.slice(0, cursor) + typed[k % typed.length] + body.slice(cursor++);
    let t = performance.now();
    const answer = assessSurface(compiled, [{ name: 'body', text: body }], ctx, scan);
    incremental.push(performance.now() - t);
    t = performance.now();
    assess(compiled, body);
    full.push(performance.now() - t);
    // The tab's share: the request serialised as runtime messaging does (JSON), and the answer read back.
    t = performance.now();
    JSON.parse(
      JSON.stringify({
        type: 'scanSurface',
        payload: {
          site: 'gmail',
          fields: [{ name: 'body', text: body }],
          recipients: ctx.recipients,
          audience: null,
          surfaceKey: 'compose-1',
        },
      }),
    );
    JSON.parse(JSON.stringify({ ok: true, data: { assessment: answer, watchlistVersion: 'v' } }));
    serialise.push(performance.now() - t);
  }
  for (const [name, times] of [
    ['incremental', incremental],
    ['full', full],
    ['serialise', serialise],
  ] as const) {
    times.sort((a, b) => a - b);
    emit({ key: `keystroke.${name}.p50`, value: median(times), unit: 'ms' });
    emit({ key: `keystroke.${name}.p99`, value: percentile(times, 99), unit: 'ms' });
  }
}

if (wanted.includes('json')) {
  // Runtime messages are JSON: what a request, an answer and the compiled list itself would cost.
  for (const [label, chars] of [
    ['10k', 10_000],
    ['1m', 1_000_000],
  ] as const) {
    const request = {
      type: 'scanSurface',
      payload: {
        site: 'gmail',
        fields: [{ name: 'body', text: makeText(chars, sample, 3) }],
        recipients: ctx.recipients,
        audience: null,
      },
    };
    emit({
      key: `message.request.${label}`,
      value: median(timeRuns(() => JSON.parse(JSON.stringify(request)), 15)),
      unit: 'ms',
    });
  }
  const answer = {
    ok: true,
    data: { assessment: assess(compiled, makeText(10_000, sample, 4)), watchlistVersion: 'v' },
  };
  const answerJson = JSON.stringify(answer);
  emit({
    key: 'message.answer',
    value: median(timeRuns(() => JSON.parse(JSON.stringify(answer)), 50)),
    unit: 'ms',
    note: `${(answerJson.length / 1024).toFixed(1)} KB, ${answer.data.assessment.matches.length} matches`,
  });
  const t = performance.now();
  const shipped = JSON.stringify(compiled);
  const parsed: unknown = JSON.parse(shipped);
  emit({
    key: 'message.compiled',
    value: performance.now() - t,
    unit: 'ms',
    note: `${(shipped.length / 1e6).toFixed(0)} MB of JSON${typeof parsed === 'object' ? '' : '?'}`,
  });
}
