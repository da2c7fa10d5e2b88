import { readFile } from 'node:fs/promises';
import { verifyExport, type FileVerdict } from '../lib/log/verify-export';
import { readAll, type CliIo } from './io';

const USAGE = `usage: matterguard verify FILE [--json]

Checks an export of the Matterguard override log (CSV, JSON or NDJSON, as saved from the
options page, or NDJSON of the events a SIEM received) against its hash chain.
FILE may be - to read standard input. --json prints the verdict as JSON.

Exit status: 0 valid, 1 broken (the record at fault is named), 2 unreadable.
`;

const EXIT: Record<FileVerdict['status'], number> = { valid: 0, broken: 1, unreadable: 2 };

/** `matterguard verify FILE`: the command-line twin of the options page's "Verify a file…". */
export async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const [file] = files;
  if (files.length !== 1 || file === undefined || (file.startsWith('-') && file !== '-')) {
    io.stderr.write(USAGE);
    return 2;
  }

  let content: string;
  try {
    content = file === '-' ? await readAll(io.stdin) : await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(`matterguard verify: cannot read ${file}: ${reason}\n`);
    return 2;
  }

  const verdict = await verifyExport(content);
  if (json) io.stdout.write(JSON.stringify(verdict, null, 2) + '\n');
  else if (verdict.status === 'unreadable') io.stderr.write(`matterguard verify: ${file}: ${verdict.message}\n`);
  else io.stdout.write(`${file}: ${verdict.message}\n`);
  return EXIT[verdict.status];
}
