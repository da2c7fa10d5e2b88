// Turns the child processes' results into the metrics of `npm run bench`:
// {metric, value, unit, budget, baseline, ratio, ok} (+ note), and prints them as a table.
// ratio = value / baseline; a baseline that did not finish or was refused is null, with a note.

const SIZES = [1_000, 100_000, 1_000_000];
const rowsLabel = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

function round(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const magnitude = Math.abs(x);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : magnitude >= 0.1 ? 3 : 4;
  return Number(x.toFixed(digits));
}

/** A result of a child run, or why there is none. */
function look(run, key) {
  if (!run) return { why: 'not run' };
  const r = run.results.get(key);
  if (r) return { value: r.value, note: r.note };
  const refused = run.results.get('regex.error');
  if (refused) return { why: `refused by the engine: ${refused.note} (${refused.value.toLocaleString('en')} terms)` };
  if (run.capped) return { why: `did not finish in ${run.capSeconds} s` };
  if (run.skipped) return { why: run.skipped };
  return { why: run.failed ? `failed: ${run.failed}` : 'not measured' };
}

function metric(
  name,
  ours,
  unit,
  { budget = null, higherIsBetter = false, base = null, baseTransform = (v) => v, note } = {},
) {
  const value = ours.value === undefined ? null : round(ours.value);
  const baseline = base && base.value !== undefined ? round(baseTransform(base.value)) : null;
  const ratio = value !== null && baseline ? round(value / baseline) : null;
  const ok = value === null ? false : budget === null ? true : higherIsBetter ? value >= budget : value <= budget;
  const notes = [
    ours.why ? `not measured: ${ours.why}` : null,
    note ?? ours.note,
    base?.why ? `baseline ${base.why}` : null,
  ].filter(Boolean);
  return { metric: name, value, unit, budget: round(budget), baseline, ratio, ok, note: notes.join('; ') || undefined };
}

export function buildMetrics({ runs, bundles, browser }) {
  const out = [];
  for (const n of SIZES) {
    const c = runs.compile[n];
    const lit = runs.literal[n];
    const cpu = look(c, 'compile.cpu');
    out.push(
      metric(`compile ${rowsLabel(n)} rows, CSV parse included`, look(c, 'compile.wall'), 'ms', {
        budget: n === 1e6 ? 5000 : null,
        base: look(lit, 'regex.compile.wall'),
        note:
          [cpu.value !== undefined ? `${Math.round(cpu.value)} ms CPU` : null, look(c, 'compile.runs').note]
            .filter(Boolean)
            .join('; ') || undefined,
      }),
    );
    const peak = look(c, 'compile.peak');
    out.push(
      metric(`compile ${rowsLabel(n)} rows: peak heap (JS heap + typed arrays)`, peak, 'MB', {
        budget: n === 1e6 ? 300 : null,
        base: look(lit, 'regex.compile.peak'),
        note:
          peak.value !== undefined
            ? `sampled between pieces of the file; it ran with V8's old space capped at 300 MB; ${peak.note}`
            : undefined,
      }),
    );
    out.push(
      metric(`compiled ${rowsLabel(n)} rows: memory held`, look(c, 'compile.retained'), 'MB', {
        base: look(lit, 'regex.compiled.size'),
      }),
    );
  }
  for (const n of SIZES) {
    const s = runs.scan[n];
    const lit = runs.literal[n];
    for (const [label, size] of [
      ['2k', '2 KB'],
      ['100k', '100 KB'],
      ['1m', '1 MB'],
    ]) {
      const p99 = look(s, `scan.${label}.p99`);
      const best = look(s, `scan.${label}.best`);
      out.push(
        metric(`scan ${size} text, ${rowsLabel(n)} rows (p50)`, look(s, `scan.${label}.p50`), 'ms', {
          budget: n === 1e6 && label === '1m' ? 25 : null,
          base: look(lit, `regex.scan.${label}`),
          note: [
            look(s, `scan.${label}.p50`).note,
            p99.value !== undefined ? `p99 ${round(p99.value)} ms` : null,
            best.value !== undefined ? `best ${round(best.value)} ms` : null,
          ]
            .filter(Boolean)
            .join(', '),
        }),
      );
    }
  }
  const big = runs.scan[1e6];
  const reference = look(big, 'norm.nfkd');
  out.push(
    metric('scan throughput on large text (1 MB), 1M rows', look(big, 'scan.1m.mbps'), 'MB/s', {
      budget: reference.value !== undefined ? reference.value / 2 : null,
      higherIsBetter: true,
      base: look(runs.literal[1e6], 'regex.scan.1m'),
      baseTransform: (ms) => 1000 / ms,
      note: 'budget: half the normalisation pass below',
    }),
  );
  out.push(
    metric(
      'reference: normalisation pass alone (NFKD, marks and invisibles removed, lower case), 1 MB',
      reference,
      'MB/s',
    ),
  );
  out.push(metric("reference: the matcher's own fold-table pass, 1 MB", look(big, 'norm.fold'), 'MB/s'));
  out.push(metric('reference: NFKC + toLowerCase, 1 MB', look(big, 'norm.nfkc'), 'MB/s'));
  out.push(metric('reference: plain walk over the char codes, 1 MB', look(big, 'norm.walk'), 'MB/s'));

  const k = runs.scan[1e5];
  const lit100k = runs.literal[1e5];
  const full = look(k, 'keystroke.full.p99');
  const inc50 = look(k, 'keystroke.incremental.p50');
  out.push(
    metric(
      'per keystroke, background: rescan around the change + levels, 10 KB body, 100k rows (p99)',
      look(k, 'keystroke.incremental.p99'),
      'ms',
      {
        base: look(lit100k, 'regex.scan.10k'),
        note: `p50 ${round(inc50.value)} ms; a full rescan: p99 ${round(full.value)} ms; baseline rescans the whole body`,
      },
    ),
  );
  const tabMean = look(browser, 'chromium.tab.10k.mean');
  const serialise = look(k, 'keystroke.serialise.p99');
  out.push(
    metric(
      'per keystroke, tab main thread: text extraction + JSON request, 10 KB body, 100k rows (p99, Chromium)',
      look(browser, 'chromium.tab.10k.p99'),
      'ms',
      {
        budget: 1,
        base: look(lit100k, 'regex.scan.10k'),
        note: [
          tabMean.value !== undefined ? `mean ${round(tabMean.value)} ms` : null,
          `JSON both ways in Node: p99 ${round(serialise.value)} ms`,
          'baseline: a regex matcher in the tab, one scan per keystroke',
        ]
          .filter(Boolean)
          .join('; '),
      },
    ),
  );
  out.push(
    metric('keystroke to warning visible, 10 KB body (p95, Chromium)', look(browser, 'chromium.warning.p95'), 'ms', {
      budget: 100,
      note: `p50 ${round(look(browser, 'chromium.warning.p50').value)} ms`,
    }),
  );
  const longest = look(browser, 'chromium.paste.longest');
  out.push(
    metric(
      '1 MB paste, tab main thread: text extraction + JSON request (p99, Chromium)',
      look(browser, 'chromium.tab.1m.p99'),
      'ms',
      {
        budget: 50,
        note:
          longest.value !== undefined
            ? `longest task during a real 1 MB insert: ${Math.round(longest.value)} ms, ${longest.note}`
            : undefined,
      },
    ),
  );
  out.push(
    metric('1 MB paste, background scan with levels, 1M rows (p50)', look(big, 'scan.1m.p50'), 'ms', {
      budget: 25,
      base: look(runs.literal[1e6], 'regex.scan.1m'),
    }),
  );
  const inTab = look(big, 'compiled.size');
  out.push(
    metric(
      'extension memory per compose tab, 1M rows (Chromium JS heap, with − without extension)',
      look(browser, 'chromium.tab.memory'),
      'MB',
      {
        budget: 20,
        base: look(runs.literal[1e6], 'regex.compiled.size'),
        note: [
          look(browser, 'chromium.tab.memory').note,
          inTab.value !== undefined
            ? `a matcher in the tab would hold the compiled list: ${round(inTab.value)} MB`
            : null,
        ]
          .filter(Boolean)
          .join('; '),
      },
    ),
  );
  const largest = bundles.reduce((a, b) => (b.gzip > (a?.gzip ?? -1) ? b : a), null);
  out.push(
    metric(
      'content-script bundle, gzip (largest)',
      largest ? { value: largest.gzip / 1024 } : { why: 'no build' },
      'KB',
      {
        budget: 60,
        note: bundles
          .map(
            (b) =>
              `${b.file} ${(b.gzip / 1024).toFixed(1)} KB gzip (${(b.raw / 1024).toFixed(0)} KB raw), built ${b.built.toISOString()}`,
          )
          .join('; '),
      },
    ),
  );
  for (const [key, name] of [
    ['message.request.10k', 'runtime message as JSON: 10 KB request, both ways'],
    ['message.request.1m', 'runtime message as JSON: 1 MB request, both ways'],
    ['message.answer', 'runtime message as JSON: a typical answer, both ways'],
  ]) {
    out.push(metric(name, look(k, key), 'ms'));
  }
  const shipped = look(k, 'message.compiled');
  out.push(
    metric('runtime message as JSON: the compiled 100k-row list, both ways', shipped, 'ms', {
      note: `${shipped.note ?? ''}; ~10× that for 1M rows`,
    }),
  );
  out.push(
    ...[1_000, 100_000].map((n) =>
      metric(
        `baseline with detection tolerance (regex), ${rowsLabel(n)} rows: scan 2 KB`,
        look(runs.tolerant[n], 'regex.scan.2k'),
        'ms',
        {
          note: 'any non-word run between name words, optional separators in numbers',
        },
      ),
    ),
  );
  return out;
}

export function printTable(metrics) {
  const fmt = (v, unit) => (v === null ? '—' : `${v} ${unit}`);
  const rows = metrics.map((m) => [
    m.metric,
    fmt(m.value, m.unit),
    m.baseline === null ? (m.note?.includes('baseline ') ? 'see note' : '—') : fmt(m.baseline, m.unit),
    m.ratio === null ? '—' : `${m.ratio}×`,
    m.budget === null ? '—' : `${m.unit === 'MB/s' ? '≥' : '≤'} ${m.budget} ${m.unit}`,
    m.value === null ? 'n/a' : m.ok ? 'ok' : 'OVER',
  ]);
  const header = ['metric', 'value', 'baseline', 'ratio', 'budget', ''];
  const widths = header.map((h, i) => Math.min(i === 0 ? 90 : 40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(header)}\n`);
  for (const [i, r] of rows.entries()) {
    process.stdout.write(`${line(r)}\n`);
    if (metrics[i].note) process.stdout.write(`    ${metrics[i].note}\n`);
  }
}
