import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chainRecord } from '@/lib/log/chain';
import { CSV_COLUMNS, neutralise, toCsv } from '@/lib/log/csv';
import type { OverrideRecord, UnchainedRecord } from '@/lib/log/types';
import { verifyExport } from '@/lib/log/verify-export';
import { unchainedRecords } from '@/tests/helpers/log-records';

async function chainOf(changes: Partial<UnchainedRecord>[]): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  const base = unchainedRecords(changes.length);
  for (const [i, change] of changes.entries())
    out.push(await chainRecord({ ...base[i]!, ...change }, out.at(-1) ?? null));
  return out;
}

/** The CSV as a spreadsheet sees it: rows of cells (BOM removed). */
function cells(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['Client asked = yes', 'Client asked = yes'],
    [' =1+1', ' =1+1'],
    ['', ''],
  ])('%j is written as %j', (cell, written) => {
    expect(neutralise(cell)).toBe(written);
  });

  it('neutralises every readable cell a user could influence, and the export still verifies', async () => {
    const log = await chainOf([
      { reason: '=cmd|"/C calc"!A0', user: '@attacker@harrowvale.example', recipients: ['+44@beta.example'] },
      { reason: '-1', matches: [{ ...unchainedRecords(1)[0]!.matches[0]!, matchedText: '=1+1', clientName: '+Acme' }] },
    ]);
    const csv = toCsv(log);
    const [header, first, second] = cells(csv);
    const col = (name: string) => header!.indexOf(name);
    expect(first![col('reason')]).toBe(`'=cmd|"/C calc"!A0`);
    expect(first![col('user')]).toBe(`'@attacker@harrowvale.example`);
    expect(first![col('recipients')]).toBe(`'+44@beta.example`);
    expect(second![col('reason')]).toBe(`'-1`);
    expect(second![col('matched')]).toBe(`'=1+1`);
    expect(second![col('clients')]).toBe(`'+Acme (C-004512) · matter 12345-0001`);
    // No cell of any row starts a formula.
    for (const row of [first!, second!]) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect((await verifyExport(csv)).status).toBe('valid');
  });
});

describe('the CSV export', () => {
  it('opens cleanly in Excel: BOM, header row, CRLF line ends, ISO times', async () => {
    const csv = toCsv(await chainOf([{}]));
    expect(
      csv.startsWith('\uFEFFat,user,site,surface,action,level,clients,matched,reason,reason_code,recipients,'),
    ).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(cells(csv)[1]![0]).toBe('2025-03-04T10:00:00.000Z');
  });

  it('keeps commas, quotes, line breaks and any script intact in the cells', async () => {
    const reason = 'Acme, "the client", said:\nsend it — 顧客 承認 ✓';
    const log = await chainOf([{ reason, recipients: ['ann@beta.example', 'bob@beta.example'] }]);
    const [header, row] = cells(toCsv(log));
    expect(header).toEqual([...CSV_COLUMNS]);
    const get = (name: string) => row![header!.indexOf(name)];
    expect(get('reason')).toBe(reason);
    expect(get('recipients')).toBe('ann@beta.example; bob@beta.example');
    expect(get('seq')).toBe('1');
    expect(get('hash')).toBe(log[0]!.hash);
    expect(JSON.parse(get('record')!)).toEqual(log[0]);
  });

  it.each<[string, (row: string[], col: (n: string) => number) => void, RegExp]>([
    [
      'a readable cell edited',
      (row, col) => (row[col('reason')] = 'Approved by the partner'),
      /Broken at row 3 — the record with seq 2 .*"reason" cell reads "Approved by the partner"/,
    ],
    [
      'the record cell edited',
      (row, col) => (row[col('record')] = row[col('record')]!.replace('reason 2', 'reason X')),
      /Broken at row 3 .*changed after it was written/,
    ],
    [
      'the record cell cut',
      (row, col) => (row[col('record')] = row[col('record')]!.slice(0, 40)),
      /Broken at row 3\. .*not valid JSON/,
    ],
    [
      'the apostrophe removed from a neutralised cell',
      (row, col) => (row[col('user')] = '=evil'),
      /"user" cell reads "=evil"/,
    ],
  ])('names the row when %s', async (_name, tamper, message) => {
    const log = await chainOf([{}, {}, {}]);
    const rows = cells(toCsv(log));
    const col = (n: string) => rows[0]!.indexOf(n);
    tamper(rows[2]!, col);
    const verdict = await verifyExport('\uFEFF' + Papa.unparse(rows, { newline: '\r\n' }));
    expect(verdict.status).toBe('broken');
    expect(verdict.message).toMatch(message);
  });
});
