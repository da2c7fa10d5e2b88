import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** A dependency's command-line entry, run with this Node (no npx, no shell). */
export function bin(name) {
  return join(ROOT, 'node_modules', '.bin', name);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Runs one step with its output streamed as it comes, framed by a header and a result line.
 * Resolves to { ok, code, ms }; never rejects (a missing binary is a failed step).
 */
export function runStep(label, command, args, { env } = {}) {
  console.log(`\n=== ${label}: ${[command.replace(`${ROOT}/`, ''), ...args].join(' ')}`);
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`${label}: could not start ${command}: ${error.message}`);
      done({ ok: false, code: 127, ms: Date.now() - started });
    });
    child.on('close', (code, signal) => {
      const ms = Date.now() - started;
      const ok = code === 0;
      console.log(
        ok ? `--- ${label}: ok (${seconds(ms)})` : `--- ${label}: FAILED (${signal ?? `exit ${code}`}, ${seconds(ms)})`,
      );
      done({ ok, code: code ?? 1, ms });
    });
  });
}

export function build() {
  return runStep('build', bin('wxt'), ['build', '-b', 'chrome']);
}

export { seconds };
