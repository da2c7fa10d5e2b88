import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { assessSurface, type Assessment, type CompiledWatchlist } from '../lib/match';
import { createWatchlistTextCompiler } from '../lib/match/compile-text';
import { readAll, type CliIo } from './io';

const USAGE = `usage: matterguard scan --watchlist FILE [--recipients a@x.com,b@y.com] [--firm-domains x.com] [TEXTFILE ...]
       matterguard scan --watchlist FILE --jsonl < inputs.jsonl

Scans texts for the clients, matters and code names of a watchlist (CSV or JSON, as the
extension reads it) and rates each match for the recipients, exactly as the extension does.

Per TEXTFILE (or standard input when none), one line of JSON: {"level", "matches": [...]}
("file" names the TEXTFILE). With --jsonl, standard input holds one JSON object per line,
{"id", "text", "recipients"?, "firmDomains"?}, and each gets one line back:
{"id", "level", "matches": [{"start", "end", "text", "kind", "clientNumber", "matterNumber", "level"}]}
(level is null when nothing matched). Without recipients a match is a warning, as in a chat.

Exit status: 0 done; 2 a bad watchlist or input (each problem is named on standard error with
its line; the other inputs are still scanned when the watchlist loaded).
`;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

const inputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  recipients: z.array(z.string()).optional(),
  firmDomains: z.array(z.string()).optional(),
});

/** The fields of a match the command prints (the same for files and JSON lines). */
function result(assessment: Assessment) {
  return {
    level: assessment.level,
    matches: assessment.matches.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      kind: m.kind,
      clientNumber: m.entry.clientNumber,
      matterNumber: m.entry.matterNumber,
      level: m.level,
    })),
  };
}

function assess(compiled: CompiledWatchlist, text: string, recipients: string[], firmDomains: string[]): Assessment {
  return assessSurface(compiled, [{ name: 'body', text }], { recipients, firmDomains, audience: null });
}

/** Reads and compiles the watchlist as it streams from disk; null (problems said) when it cannot be used. */
async function loadWatchlist(file: string, io: CliIo): Promise<{ compiled: CompiledWatchlist; clean: boolean } | null> {
  const compiler = createWatchlistTextCompiler({ source: 'firm', fileName: file });
  try {
    for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }))
      compiler.push(piece as string);
  } catch (error) {
    io.stderr.write(
      `matterguard scan: cannot read the watchlist ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return null;
  }
  const loaded = compiler.finish();
  for (const issue of loaded.issues) {
    io.stderr.write(`matterguard scan: ${file}${issue.line > 0 ? ` line ${issue.line}` : ''}: ${issue.message}\n`);
  }
  if (loaded.fatal !== null || loaded.entryCount === 0) return null;
  return { compiled: loaded.compiled, clean: loaded.issues.length === 0 };
}

/** --jsonl: one input per line of standard input, one answer per line; bad lines are named and skipped. */
async function scanJsonLines(
  compiled: CompiledWatchlist,
  io: CliIo,
  recipients: string[],
  firmDomains: string[],
): Promise<boolean> {
  let clean = true;
  let line = 0;
  for await (const raw of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') continue;
    let parsed: z.infer<typeof inputLine>;
    try {
      const checked = inputLine.safeParse(JSON.parse(raw));
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new Error(`${issue?.path.join('.') || 'the line'}: ${issue?.message ?? 'not an input object'}`);
      }
      parsed = checked.data;
    } catch (error) {
      io.stderr.write(
        `matterguard scan: standard input line ${line}: ${error instanceof Error ? error.message : String(error)}; skipped.\n`,
      );
      clean = false;
      continue;
    }
    const assessment = assess(
      compiled,
      parsed.text,
      parsed.recipients ?? recipients,
      parsed.firmDomains ?? firmDomains,
    );
    io.stdout.write(JSON.stringify({ id: parsed.id, ...result(assessment) }) + '\n');
  }
  return clean;
}

/** `matterguard scan`: firm IT's dry run of a watchlist against sample texts (issue 3). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        watchlist: { type: 'string' },
        recipients: { type: 'string' },
        'firm-domains': { type: 'string' },
        jsonl: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`matterguard scan: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.watchlist === undefined || (values.jsonl && positionals.length > 0)) {
    io.stderr.write(
      `matterguard scan: ${values.watchlist === undefined ? '--watchlist FILE is required' : '--jsonl reads standard input only'}\n${USAGE}`,
    );
    return 2;
  }
  const loaded = await loadWatchlist(values.watchlist, io);
  if (loaded === null) return 2;
  const recipients = list(values.recipients);
  const firmDomains = list(values['firm-domains']);
  if (values.jsonl) return (await scanJsonLines(loaded.compiled, io, recipients, firmDomains)) && loaded.clean ? 0 : 2;

  let clean = loaded.clean;
  if (positionals.length === 0) {
    io.stdout.write(
      JSON.stringify(result(assess(loaded.compiled, await readAll(io.stdin), recipients, firmDomains))) + '\n',
    );
  }
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.stderr.write(
        `matterguard scan: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      clean = false;
      continue;
    }
    io.stdout.write(JSON.stringify({ file, ...result(assess(loaded.compiled, text, recipients, firmDomains)) }) + '\n');
  }
  return clean ? 0 : 2;
}
