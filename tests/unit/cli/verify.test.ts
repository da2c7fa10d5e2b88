import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '@/cli/verify';
import { chainRecord } from '@/lib/log/chain';
import { exportText, type ExportFormat } from '@/lib/log/export';
import type { OverrideRecord } from '@/lib/log/types';
import { unchainedRecords } from '@/tests/helpers/log-records';

let dir: string;
let log: OverrideRecord[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mg-verify-'));
  log = [];
  for (const u of unchainedRecords(4)) log.push(await chainRecord(u, log.at(-1) ?? null));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const exported = (format: ExportFormat, records = log) =>
  exportText(format, [...records].reverse(), {
    exportedAt: '2025-03-10T09:00:00.000Z',
    filter: {},
    logHead: { seq: 4, hash: log[3]!.hash },
  });

/** Runs the command in-process with captured streams. */
async function verify(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await run(args, { stdin: input, stdout, stderr });
  return { code, out, err };
}

describe('matterguard verify', () => {
  it.each<ExportFormat>(['csv', 'json', 'ndjson'])(
    'exits 0 for an intact %s export and says what it proved',
    async (format) => {
      const path = await file(`ok.${format}`, exported(format));
      const { code, out } = await verify([path]);
      expect(code).toBe(0);
      expect(out).toBe(
        `${path}: ${format === 'csv' ? 'CSV' : format.toUpperCase()} export: Valid: 4 records, seq 1–4, a complete chain from the first record of the log.\n`,
      );
    },
  );

  it('exits 1 for a tampered export and names the record', async () => {
    const path = await file('bad.ndjson', exported('ndjson').replace('"reason 2"', '"reason two"'));
    const { code, out } = await verify([path]);
    expect(code).toBe(1);
    expect(out).toMatch(
      /Broken at line 3 — the record with seq 2 \(id rec-2, 2025-03-04T10:01:00.000Z, c.lee@harrowvale.example\)\. It was changed after it was written/,
    );
  });

  it.each([
    ['a missing file', ['/nonexistent/log.csv'], /cannot read \/nonexistent\/log.csv/],
    ['no file named', [], /^usage: matterguard verify FILE/],
    ['an unknown option', ['--fast'], /^usage/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const { code, err } = await verify(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('exits 2 for a file that is not an export', async () => {
    const { code, err } = await verify([await file('watchlist.csv', 'client_number,client_name\nC-1,Acme\n')]);
    expect(code).toBe(2);
    expect(err).toMatch(/not a Matterguard log export/);
  });

  it('reads standard input with "-" and prints JSON with --json', async () => {
    const { code, out } = await verify(['-', '--json'], exported('json'));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ status: 'valid', format: 'json', verdict: { count: 4, complete: true } });
  });

  it('runs as `npx matterguard verify` through the dispatcher', async () => {
    const path = await file('cli.csv', exported('csv', log.slice(0, 2)).replace('reason 1', 'reason one'));
    const bin = resolve(__dirname, '../../../bin/matterguard.mjs');
    const result = await promisify(execFile)(process.execPath, [bin, 'verify', path]).then(
      () => ({ code: 0 }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result).toMatchObject({ code: 1, stdout: expect.stringMatching(/CSV export: Broken at row 3/) });
  }, 30_000);
});
