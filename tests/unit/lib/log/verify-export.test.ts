import { describe, expect, it } from 'vitest';
import { chainRecord } from '@/lib/log/chain';
import { createExportWriter, exportFileName, exportText, type ExportFormat } from '@/lib/log/export';
import { hecBody } from '@/lib/log/hec';
import type { OverrideRecord } from '@/lib/log/types';
import { verifyExport } from '@/lib/log/verify-export';
import { unchainedRecords } from '@/tests/helpers/log-records';

async function chainOf(n: number): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  for (const u of unchainedRecords(n)) out.push(await chainRecord(u, out.at(-1) ?? null));
  return out;
}

const META = { exportedAt: '2025-03-10T09:00:00.000Z', filter: {} };
const headOf = (log: OverrideRecord[]) => ({ seq: log.at(-1)!.seq, hash: log.at(-1)!.hash });
/** Newest first, as the log page shows and exports. */
const shown = (log: OverrideRecord[]) => [...log].reverse();

describe('export files', () => {
  it.each<ExportFormat>(['csv', 'json', 'ndjson'])(
    '%s: a whole-log export verifies as a complete chain',
    async (format) => {
      const log = await chainOf(5);
      const verdict = await verifyExport(exportText(format, shown(log), { ...META, logHead: headOf(log) }));
      expect(verdict).toMatchObject({ status: 'valid', format, verdict: { count: 5, complete: true } });
      expect(verdict.message).toMatch(/a complete chain from the first record/);
    },
  );

  it.each<ExportFormat>(['csv', 'json', 'ndjson'])(
    '%s: a filtered export verifies as a part of the log',
    async (format) => {
      const log = await chainOf(8);
      const part = shown(log).filter((r) => r.seq % 3 !== 0);
      const verdict = await verifyExport(
        exportText(format, part, { ...META, filter: { user: 'c.lee' }, logHead: headOf(log) }),
      );
      expect(verdict).toMatchObject({ status: 'valid', verdict: { count: 6, gaps: 2, complete: false } });
    },
  );

  it('JSON written in pieces is one valid document, the same as written at once', async () => {
    const log = shown(await chainOf(7));
    const meta = { ...META, logHead: headOf(log), count: 7 };
    const writer = createExportWriter('json', meta);
    const pieces =
      writer.begin() +
      writer.add(log.slice(0, 3), true) +
      writer.add([], false) +
      writer.add(log.slice(3), false) +
      writer.end();
    expect(pieces).toBe(exportText('json', log, { ...META, logHead: headOf(log) }));
    expect(JSON.parse(pieces)).toMatchObject({
      format: 'matterguard-log',
      version: 1,
      count: 7,
      logHead: headOf(log),
      records: log,
    });
  });

  it('NDJSON is one record per line and nothing else', async () => {
    const log = await chainOf(3);
    const lines = exportText('ndjson', log, { ...META, logHead: null })
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => JSON.parse(l) as OverrideRecord)).toEqual(log);
  });

  it('verifies the collector feed as the SIEM received it (HEC events, one per line)', async () => {
    const log = await chainOf(4);
    const feed = hecBody(log.slice(1));
    expect(await verifyExport(feed)).toMatchObject({
      status: 'valid',
      format: 'ndjson',
      verdict: { count: 3, firstSeq: 2, complete: false },
    });
    expect(await verifyExport(hecBody(log.slice(0, 1)))).toMatchObject({
      status: 'valid',
      verdict: { count: 1, complete: true },
    });
    const edited = feed.replace('"reason 3"', '"reason three"');
    expect((await verifyExport(edited)).message).toMatch(
      /Broken at line 2 — the record with seq 3 .*changed after it was written/,
    );
  });

  it('names files by time and whether they are filtered', () => {
    expect(exportFileName('csv', '2025-03-04T10:15:00.123Z', {})).toBe('matterguard-log-2025-03-04T101500Z.csv');
    expect(exportFileName('ndjson', '2025-03-04T10:15:00.123Z', { site: 'gmail' })).toBe(
      'matterguard-log-filtered-2025-03-04T101500Z.ndjson',
    );
  });
});

describe('a tampered export', () => {
  it('JSON: names the record whose content changed', async () => {
    const log = await chainOf(4);
    const doc = JSON.parse(exportText('json', shown(log), { ...META, logHead: headOf(log) }));
    doc.records[1].reason = 'edited';
    const verdict = await verifyExport(JSON.stringify(doc));
    expect(verdict.status).toBe('broken');
    expect(verdict.message).toMatch(
      /^JSON export: Broken at record 2 — the record with seq 3 \(id rec-3, .*changed after it was written/,
    );
  });

  it('JSON: a record removed from a whole-log export is missed', async () => {
    const log = await chainOf(5);
    const doc = JSON.parse(exportText('json', shown(log), { ...META, logHead: headOf(log) }));
    doc.records.splice(2, 1);
    doc.count = 4;
    const verdict = await verifyExport(JSON.stringify(doc));
    expect(verdict.message).toMatch(/whole log up to seq 5, but seq 3 is missing/);
  });

  it('JSON: the declared count gives away a removed record even in a filtered export', async () => {
    const log = await chainOf(5);
    const doc = JSON.parse(
      exportText('json', shown(log), { ...META, filter: { site: 'gmail' }, logHead: headOf(log) }),
    );
    doc.records.pop();
    expect((await verifyExport(JSON.stringify(doc))).message).toMatch(/says it holds 5 records but holds 4/);
  });

  it('NDJSON: names the line of an inserted record', async () => {
    const log = await chainOf(4);
    const forged = await chainRecord({ ...unchainedRecords(1)[0]!, id: 'forged' }, log[1]!);
    const lines = exportText('ndjson', log, { ...META, logHead: null })
      .trimEnd()
      .split('\n');
    lines.splice(2, 0, JSON.stringify(forged));
    const verdict = await verifyExport(lines.join('\n'));
    expect(verdict.message).toMatch(
      /^NDJSON export: Broken at line 4 — the record with seq 3 .*appears twice \(also at line 3\): one of them was inserted/,
    );
  });

  it('NDJSON: names a line that is not JSON any more', async () => {
    const lines = exportText('ndjson', await chainOf(3), { ...META, logHead: null }).split('\n');
    lines[1] = lines[1]!.slice(0, 30);
    expect((await verifyExport(lines.join('\n'))).message).toBe(
      'NDJSON export: Broken at line 2. The line is not valid JSON: it was cut or edited.',
    );
  });

  it('names a record with a field added after the fact', async () => {
    const log = await chainOf(2);
    const lines = exportText('ndjson', log, { ...META, logHead: null })
      .trimEnd()
      .split('\n');
    lines[0] = JSON.stringify({ ...log[0], approvedBy: 'partner' });
    expect((await verifyExport(lines.join('\n'))).message).toMatch(
      /Broken at line 1 — the record with seq 1.*changed after it was written/,
    );
  });
});

describe('a file that is not an export', () => {
  it.each([
    ['empty', ''],
    ['a watchlist CSV', '\uFEFFclient_number,client_name\nC-1,Acme\n'],
    ['another JSON document', '{"entries": []}'],
    ['broken JSON', '[{"seq": 1,'],
    ['plain text', 'hello'],
  ])('%s is unreadable, not broken', async (_name, content) => {
    expect((await verifyExport(content)).status).toBe('unreadable');
  });
});
