import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, runStep } from './run.mjs';

/**
 * Runs Vitest with its usual console output plus a JSON report, and counts the results.
 * A file that failed to load or a failing hook has no failed test of its own, and an
 * unhandled error fails the run with every test green: each counts as one failure so the
 * totals never claim a clean run that was not.
 */
export async function runVitest(label, { config, args = [] } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'matterguard-vitest-'));
  const report = join(dir, 'report.json');
  const configArgs = config ? ['--config', config] : [];
  const step = await runStep(label, bin('vitest'), [
    'run',
    ...configArgs,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ]);
  let json;
  try {
    json = JSON.parse(await readFile(report, 'utf8'));
  } catch {
    json = undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { label, ...step, ...count(json, step.ok) };
}

function count(json, exitedOk) {
  if (!json) return { passed: 0, failed: 1, skipped: 0, failures: ['no report: Vitest did not finish'] };
  const failures = [];
  let brokenFiles = 0;
  for (const file of json.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) failures.push(t.fullName || t.title);
    if (file.status === 'failed' && failedTests.length === 0) {
      brokenFiles += 1;
      failures.push(`${file.name}: ${firstLine(file.message) || 'failed outside any test'}`);
    }
  }
  let failed = (json.numFailedTests ?? 0) + brokenFiles;
  if (!exitedOk && failed === 0) {
    failed = 1;
    failures.push('Vitest exited non-zero (unhandled error?) with no failing test');
  }
  return {
    passed: json.numPassedTests ?? 0,
    failed,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    failures,
  };
}

function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')
      .find((l) => l.trim()) ?? ''
  );
}

/** A check that is not a test run (lint, typecheck, build): one failure if it fails, nothing counted if it passes. */
export function asCheck(label, step) {
  return {
    label,
    ...step,
    passed: 0,
    failed: step.ok ? 0 : 1,
    skipped: 0,
    note: step.ok ? 'ok' : 'FAILED (output above)',
  };
}

/** The closing line CI reads: `N passed, N failed` (`, N skipped` when any were). */
export function totalsLine(results) {
  const sum = (key) => results.reduce((n, r) => n + (r[key] ?? 0), 0);
  const skipped = sum('skipped');
  return `${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** A few lines per step; the totals line comes last, alone. */
export function printSummary(results) {
  console.log('\n=== summary');
  for (const r of results) {
    const time = r.ms === undefined ? '' : ` (${(r.ms / 1000).toFixed(1)} s)`;
    const detail = r.note ?? `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
    console.log(`${r.ok && !r.failed ? '  ok  ' : '  FAIL'} ${r.label}: ${detail}${time}`);
    for (const f of (r.failures ?? []).slice(0, 20)) console.log(`         - ${f}`);
  }
  console.log(totalsLine(results));
}
