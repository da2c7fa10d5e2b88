#!/usr/bin/env node
// `npm run test:e2e [-- --no-build] [vitest args, e.g. -t "Ctrl+Enter"]`: build, then the
// end-to-end tests in real Chromium. Ends with the `N passed, N failed` line.
import { build } from './lib/run.mjs';
import { asCheck, printSummary, runVitest } from './lib/vitest.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const results = [];
if (!skipBuild) {
  results.push(asCheck('build', await build()));
}
if (results.every((r) => r.ok)) {
  results.push(
    await runVitest('e2e tests', { config: 'vitest.e2e.config.ts', args: args.filter((a) => a !== '--no-build') }),
  );
}
printSummary(results);
process.exitCode = results.some((r) => !r.ok || r.failed > 0) ? 1 : 0;
