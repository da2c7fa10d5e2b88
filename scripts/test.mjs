#!/usr/bin/env node
// `npm test`: everything CI checks, in order, streamed; ends with the `N passed, N failed` line.
import { bin, build, runStep } from './lib/run.mjs';
import { asCheck, printSummary, runVitest } from './lib/vitest.mjs';

const results = [];
results.push(asCheck('lint', await runStep('lint', bin('eslint'), ['.'])));
results.push(asCheck('format', await runStep('format', bin('prettier'), ['--check', '.'])));
results.push(asCheck('docs', await runStep('docs', process.execPath, ['scripts/check-docs.mjs'])));
results.push(asCheck('typecheck', await runStep('typecheck', bin('tsc'), ['--noEmit'])));
results.push(await runVitest('unit tests'));
const built = asCheck('build', await build());
results.push(built);
if (built.ok) {
  results.push(await runVitest('e2e tests', { config: 'vitest.e2e.config.ts' }));
} else {
  results.push({ label: 'e2e tests', ok: false, passed: 0, failed: 0, skipped: 0, note: 'not run: the build failed' });
}

printSummary(results);
process.exitCode = results.some((r) => !r.ok || r.failed > 0) ? 1 : 0;
