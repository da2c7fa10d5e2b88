// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LogPage } from '@/entrypoints/options/pages/log-page';
import { chainRecord } from '@/lib/log/chain';
import { toCsv } from '@/lib/log/csv';
import type { LoggedMatch, OverrideRecord } from '@/lib/log/types';
import { verifyExport } from '@/lib/log/verify-export';
import type { ExportFile } from '@/lib/connectors/connector';
import { createMemoryConnector, type MemoryConnectorInit } from '@/lib/connectors/connector-memory';
import type { LogHealth } from '@/lib/protocol/protocol';
import { unchainedRecords } from '@/tests/helpers/log-records';
import { status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

const beta: LoggedMatch = {
  kind: 'client-name',
  clientNumber: 'C-007731',
  clientName: 'Beta Industries GmbH',
  matterNumber: '',
  matchedText: 'Beta',
  level: 'warn',
};

/** Six records a day apart: odd ones about Acme by c.lee on Gmail, even ones about Beta by a.khan on Slack. */
async function log(): Promise<OverrideRecord[]> {
  const out: OverrideRecord[] = [];
  for (const [i, u] of unchainedRecords(6).entries()) {
    const even = (i + 1) % 2 === 0;
    const at = new Date(2025, 2, 3 + i, 12).toISOString();
    const change = even ? { user: 'a.khan@harrowvale.example', site: 'slack' as const, matches: [beta] } : {};
    out.push(await chainRecord({ ...u, ...change, at }, out.at(-1) ?? null));
  }
  return out;
}

function page(init: Partial<MemoryConnectorInit> & { records: OverrideRecord[] }) {
  const saved: ExportFile[] = [];
  const connector = createMemoryConnector({ status: status(), ...init });
  render(<LogPage connector={connector} save={(file) => saved.push(file)} />);
  return { connector, saved };
}

/** The reason cell of every body row, top to bottom. */
function reasons(): string[] {
  const table = screen.getByRole('table', { name: 'Override log, newest first' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[7]!.textContent ?? '');
}

const box = (name: string) => screen.getByRole('textbox', { name });

describe('filtering the log', () => {
  it('narrows to a client and says how many match, then clears', async () => {
    const { connector } = page({ records: await log() });
    await screen.findByText('6 records, newest first.');
    fireEvent.input(box('Client'), { target: { value: 'beta ind' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('3 records match these filters, newest first.')).toBeTruthy();
    expect(reasons()).toEqual(['reason 6', 'reason 4', 'reason 2']);
    expect(connector.listed.at(-1)).toEqual({ client: 'beta ind' });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('6 records, newest first.')).toBeTruthy();
    expect((box('Client') as HTMLInputElement).value).toBe('');
  });

  it('combines site, action and words, and says when nothing matches', async () => {
    page({ records: await log() });
    await screen.findByText('6 records, newest first.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'gmail' } });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '"reason 3"' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('1 record matches these filters, newest first.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'blocked' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('No records match these filters.')).toBeTruthy();
    for (const format of ['CSV', 'JSON', 'NDJSON'])
      expect(screen.getByRole<HTMLButtonElement>('button', { name: `Export ${format}` }).disabled).toBe(true);
  });

  it('takes whole local days, the end day included', async () => {
    const { connector } = page({ records: await log() });
    await screen.findByText('6 records, newest first.');
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2025-03-04' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2025-03-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('2 records match these filters, newest first.')).toBeTruthy();
    expect(connector.listed.at(-1)).toEqual({
      from: new Date(2025, 2, 4).toISOString(),
      to: new Date(2025, 2, 6).toISOString(),
    });
  });

  it('refuses an end date before the start date', async () => {
    const { connector } = page({ records: await log() });
    await screen.findByText('6 records, newest first.');
    const calls = connector.listed.length;
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2025-03-05' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2025-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByText('The end date is before the start date.')).toBeTruthy();
    expect(connector.listed).toHaveLength(calls);
  });
});

describe('exporting', () => {
  it('saves exactly what the filter shows, and the file verifies', async () => {
    const { saved } = page({ records: await log() });
    await screen.findByText('6 records, newest first.');
    fireEvent.input(box('User'), { target: { value: 'a.khan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText('3 records match these filters, newest first.');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/^Saved matterguard-log-filtered-.*\.csv \(3 records\)\.$/)).toBeTruthy();
    const text = await new Blob(saved[0]!.parts).text();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(await verifyExport(text)).toMatchObject({
      status: 'valid',
      verdict: { count: 3, firstSeq: 2, lastSeq: 6, gaps: 2 },
    });
  });
});

describe('verifying', () => {
  it('confirms an intact live log', async () => {
    page({ records: await log() });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify the log' }));
    expect(
      await screen.findByText('The log is intact: all 6 records match their hashes and link from the first to seq 6.'),
    ).toBeTruthy();
  });

  it('names the record that breaks the live log', async () => {
    const records = await log();
    records[2] = { ...records[2]!, reason: 'rewritten' };
    page({ records });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify the log' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^The log is broken\. Broken at record 3 of the log — the record with seq 3 \(id rec-3, .*It was changed after it was written/,
    );
  });

  it('names the row of an imported CSV that was edited', async () => {
    const records = await log();
    page({ records });
    const csv = toCsv([...records].reverse()).replace('a.khan@harrowvale.example', 'someone@harrowvale.example');
    const input = await screen.findByLabelText<HTMLInputElement>('Verify a file…');
    fireEvent.change(input, { target: { files: [new File([csv], 'march.csv', { type: 'text/csv' })] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^march\.csv: CSV export: Broken at row 2 — the record with seq 6 .*"user" cell reads "someone@harrowvale.example"/,
    );
  });

  it('confirms an intact imported file', async () => {
    const records = await log();
    page({ records });
    const input = await screen.findByLabelText<HTMLInputElement>('Verify a file…');
    fireEvent.change(input, { target: { files: [new File([toCsv(records)], 'all.csv')] } });
    await waitFor(() => expect(screen.getByText(/^all\.csv: CSV export: Valid: 6 records, seq 1–6/)).toBeTruthy());
  });
});

describe('the chart', () => {
  it('draws decisions over time and the clients most involved, with words for each', async () => {
    page({ records: await log() });
    const time = await screen.findByRole('img', { name: /^Decisions over time: 6 decisions from/ });
    expect(time.querySelectorAll('rect')).toHaveLength(6);
    expect(
      screen.getByRole('img', {
        name: 'Clients most involved: Acme Holdings Ltd (C-004512), 3; Beta Industries GmbH (C-007731), 3.',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Matters most involved: 12345-0001 · Acme Holdings Ltd, 3.' })).toBeTruthy();
  });
});

describe('the log health', () => {
  const health = (over: Partial<LogHealth>): LogHealth => ({
    storage: null,
    writeError: null,
    collector: null,
    ...over,
  });

  it('warns when storage runs low', async () => {
    const message =
      'Storage is running low: 12 MB left for the override log (980 MB used). Nothing is deleted to make room; export the log and free disk space, or ask IT.';
    page({ records: await log(), health: health({ storage: { usage: 980, quota: 1_000, low: true, message } }) });
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });

  it('tells how the collector is doing', async () => {
    const collector = {
      origin: 'https://siem.harrowvale.example',
      pending: 4,
      failures: 2,
      lastError: 'The collector answered 503.',
      lastSuccessAt: null,
      nextAttemptAt: null,
      hostAccess: true,
    };
    page({ records: await log(), health: health({ collector }) });
    expect(
      await screen.findByText(
        'Central collection to https://siem.harrowvale.example: 4 records waiting. Last attempt failed: The collector answered 503.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Allow access/ })).toBeNull();
  });

  it('offers to ask for access to the collector host when it cannot be reached without it', async () => {
    const lastError = 'Could not reach the collector: Failed to fetch.';
    const collector = {
      origin: 'https://siem.harrowvale.example',
      pending: 1,
      failures: 1,
      lastError,
      lastSuccessAt: null,
      nextAttemptAt: null,
      hostAccess: false,
    };
    const { connector } = page({ records: await log(), health: health({ collector }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access to siem.harrowvale.example' }));
    await waitFor(() => expect(connector.watchlist.accessRequests).toEqual(['https://siem.harrowvale.example/']));
  });
});
