import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `log-child.ts`: the override log's figures (docs/design.md#budgets, export of 100k records), measured by
 * scripts/bench-log.ts where the log's engineer keeps them; printed as `METRIC {json}` lines in
 * the shared metric shape. Says so and prints nothing else when that script is not there.
 */
const path = fileURLToPath(new URL('../bench-log.ts', import.meta.url));
if (!existsSync(path)) {
  process.stdout.write('SKIP scripts/bench-log.ts is not in this checkout\n');
} else {
  const mod = (await import(path)) as { benchLog?: (options?: { log?: (line: string) => void }) => Promise<unknown[]> };
  if (typeof mod.benchLog !== 'function') {
    process.stdout.write('SKIP scripts/bench-log.ts exports no benchLog()\n');
  } else {
    for (const metric of await mod.benchLog({ log: (line) => process.stderr.write(`  log: ${line}\n`) })) {
      process.stdout.write(`METRIC ${JSON.stringify(metric)}\n`);
    }
  }
}
