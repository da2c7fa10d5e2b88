import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '@/cli/scan';

const WATCHLIST =
  [
    'client_number,client_name,matter_number,aliases,allowed_domains,walled,severity',
    'C-004512,Acme Holdings Ltd,12345-0001,Project Falcon,acme.example,j.doe@firm.example,warn',
    'C-007731,Beta Industries GmbH,23456-0001,,beta.example,,warn',
  ].join('\n') + '\n';

// Made before the tables below are read, since they name files in it.
const dir = mkdtempSync(join(tmpdir(), 'matterguard-scan-'));
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  await writeFile(path('watchlist.csv'), WATCHLIST);
  await writeFile(path('bad-row.csv'), WATCHLIST + 'C-9,,,,,,\n');
  await writeFile(path('page.csv'), '<!doctype html><title>Sign in</title>\n');
  await writeFile(path('a.txt'), 'Re: Project Falcon (12345 0001)');
  await writeFile(path('b.txt'), 'Nothing to see here.');
});

/** Runs the command in-process with in-memory streams. */
async function scan(argv: string[], stdin = ''): Promise<{ status: number; out: string[]; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (c: Buffer) => (chunks.out += c.toString()));
  stderr.on('data', (c: Buffer) => (chunks.err += c.toString()));
  const status = await run(argv, { stdin: Readable.from([stdin]), stdout, stderr });
  return { status, out: chunks.out.split('\n').filter((l) => l !== ''), err: chunks.err };
}

const parsed = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('matterguard scan FILES', () => {
  it('prints one line of JSON per text file, rated for the recipients', async () => {
    const { status, out } = await scan([
      '--watchlist',
      path('watchlist.csv'),
      '--recipients',
      'ceo@beta.example',
      '--firm-domains',
      'firm.example',
      path('a.txt'),
      path('b.txt'),
    ]);
    expect(status).toBe(0);
    expect(parsed(out)).toEqual([
      {
        file: path('a.txt'),
        level: 'critical',
        matches: [
          {
            start: 4,
            end: 18,
            text: 'Project Falcon',
            kind: 'alias',
            clientNumber: 'C-004512',
            matterNumber: '12345-0001',
            level: 'critical',
          },
          {
            start: 20,
            end: 30,
            text: '12345 0001',
            kind: 'matter-number',
            clientNumber: 'C-004512',
            matterNumber: '12345-0001',
            level: 'critical',
          },
        ],
      },
      { file: path('b.txt'), level: null, matches: [] },
    ]);
  });

  it.each([
    [['--recipients', 'k@acme.example,p@firm.example', '--firm-domains', 'firm.example'], 'notice'],
    [['--recipients', 'someone@gmail.example', '--firm-domains', 'firm.example'], 'warn'],
    [['--recipients', 'j.doe@firm.example', '--firm-domains', 'firm.example'], 'critical'],
    [[], 'warn'],
  ])('reads standard input when no file is named: %j -> %s', async (options, level) => {
    const { status, out } = await scan(['--watchlist', path('watchlist.csv'), ...options], 'About Acme Holdings.');
    expect(status).toBe(0);
    expect(parsed(out)).toEqual([
      { level, matches: [expect.objectContaining({ text: 'Acme Holdings', kind: 'client-name', level })] },
    ]);
  });
});

describe('matterguard scan --jsonl', () => {
  const lines = [
    JSON.stringify({ id: 'm1', text: 'see 12345-0001', recipients: ['x@acme.example'] }),
    '',
    JSON.stringify({
      id: 2,
      text: 'Beta Industries and Acme',
      recipients: ['x@acme.example'],
      firmDomains: ['firm.example'],
    }),
    JSON.stringify({ id: 'm3', text: 'nothing' }),
  ].join('\n');

  it('answers each line with its id, the level and the matches', async () => {
    const { status, out, err } = await scan(['--watchlist', path('watchlist.csv'), '--jsonl'], lines);
    expect([status, err]).toEqual([0, '']);
    expect(parsed(out)).toEqual([
      {
        id: 'm1',
        level: 'notice',
        matches: [
          {
            start: 4,
            end: 14,
            text: '12345-0001',
            kind: 'matter-number',
            clientNumber: 'C-004512',
            matterNumber: '12345-0001',
            level: 'notice',
          },
        ],
      },
      {
        id: 2,
        level: 'critical',
        matches: [
          {
            start: 0,
            end: 15,
            text: 'Beta Industries',
            kind: 'client-name',
            clientNumber: 'C-007731',
            matterNumber: '',
            level: 'critical',
          },
        ],
      },
      { id: 'm3', level: null, matches: [] },
    ]);
  });

  it('names each bad line on standard error, answers the others, and exits 2', async () => {
    const input = ['{"id": "ok", "text": "Acme Holdings"}', '{"id": "x", "text": ', '{"id": "y"}', '[1]'].join('\n');
    const { status, out, err } = await scan(['--watchlist', path('watchlist.csv'), '--jsonl'], input);
    expect(status).toBe(2);
    expect(parsed(out).map((o) => o.id)).toEqual(['ok']);
    expect(err).toMatch(/standard input line 2: .*JSON/);
    expect(err).toMatch(/standard input line 3: text: /);
    expect(err).toMatch(/standard input line 4: /);
  });
});

describe('a watchlist that is wrong', () => {
  it('refuses a file that is not a watchlist, saying why, and scans nothing', async () => {
    const { status, out, err } = await scan(['--watchlist', path('page.csv'), path('a.txt')]);
    expect([status, out]).toEqual([2, []]);
    expect(err).toMatch(/page\.csv: This file is not a watchlist: it is a web page/);
  });

  it('names the line of a bad row, scans with the good rows, and exits 2', async () => {
    const { status, out, err } = await scan(['--watchlist', path('bad-row.csv'), path('a.txt')]);
    expect(status).toBe(2);
    expect(err).toMatch(/bad-row\.csv line 4: client_name is empty/);
    expect(parsed(out)[0]).toMatchObject({ level: 'warn' });
  });

  it.each([
    [['--watchlist', join('/nonexistent', 'w.csv')], /cannot read the watchlist/],
    [[path('a.txt')], /--watchlist FILE is required/],
    [['--watchlist', path('watchlist.csv'), '--jsonl', path('a.txt')], /--jsonl reads standard input only/],
    [['--watchlist', path('watchlist.csv'), '--colour'], /Unknown option '--colour'/],
    [['--watchlist', path('watchlist.csv'), path('missing.txt')], /cannot read .*missing\.txt/],
  ])('%j exits 2: %s', async (argv, message) => {
    const { status, err } = await scan(argv);
    expect(status).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('npx matterguard scan, for real', () => {
  it('runs through bin/matterguard.mjs', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      'bin/matterguard.mjs',
      'scan',
      '--watchlist',
      path('watchlist.csv'),
      '--recipients',
      'a@beta.example',
      path('a.txt'),
    ]);
    expect(JSON.parse(stdout)).toMatchObject({
      file: path('a.txt'),
      level: 'critical',
      matches: [{ text: 'Project Falcon' }, { text: '12345 0001' }],
    });
  }, 30_000);
});
