#!/usr/bin/env node
// The command-line tool for firm IT: `npx matterguard <command> ...`.
// Each command is cli/<command>.ts exporting `run(argv, io): Promise<number>` (the exit status);
// it runs the same lib/ code as the extension, loaded through tsx so there is no second build.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
const usage =
  'usage: matterguard <command> [options]\ncommands: scan, verify\nRun `matterguard <command> --help` for its options.';

if (!command || command === '--help' || command === '-h') {
  process.stdout.write(usage + '\n');
  process.exit(command ? 0 : 2);
}
const file = join(root, 'cli', `${command}.ts`);
if (!/^[a-z-]+$/.test(command) || !existsSync(file)) {
  process.stderr.write(`matterguard: unknown command "${command}"\n${usage}\n`);
  process.exit(2);
}
register();
const { run } = await import(file);
process.exitCode = await run(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
