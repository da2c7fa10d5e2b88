// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LogPage } from '@/entrypoints/options/pages/log-page';
import type { Connector } from '@/lib/connectors/connector';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import { records, status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

/** The reason cell of every body row, top to bottom. */
function reasons(): string[] {
  const table = screen.getByRole('table', { name: 'Override log, newest first' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[7]!.textContent ?? '');
}

describe('the override log page', () => {
  it('lists records newest first with what a supervisor needs to read', async () => {
    const log = await records(3);
    log[2] = { ...log[2]!, action: 'went-back', level: 'warn', recipients: [] };
    render(<LogPage connector={createMemoryConnector({ status: status(), records: log })} />);

    expect(await screen.findAllByRole('row')).toHaveLength(4);
    expect(reasons()).toEqual(['reason 3', 'reason 2', 'reason 1']);
    const columns = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(columns).toEqual([
      'Time',
      'User',
      'Site',
      'Action',
      'Level',
      'Client / matter',
      'Matched words',
      'Reason',
      'Recipients',
    ]);

    const [newest, older] = screen.getAllByRole('row').slice(1);
    const cells = within(newest!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1)).toEqual([
      'user-3@harrowvale.example',
      'Gmail',
      'Went back',
      'Warning',
      'Acme Holdings Ltd (C-004512) · matter 12345-0001',
      '“12345 0001”',
      'reason 3',
      '—',
    ]);
    expect(within(older!).getByText('Sent anyway')).toBeTruthy();
    expect(within(older!).getByText('beta.example')).toBeTruthy();
    expect(within(older!).getByText('Critical')).toBeTruthy();
  });

  it('pages through the log fifty at a time, "Older" and back "Newer"', async () => {
    render(<LogPage connector={createMemoryConnector({ status: status(), records: await records(120) })} />);
    const newer = await screen.findByRole('button', { name: 'Newer' });
    const older = screen.getByRole('button', { name: 'Older' });

    expect(reasons()).toHaveLength(50);
    expect(reasons()[0]).toBe('reason 120');
    expect((newer as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('1–50 of 120 records')).toBeTruthy();

    fireEvent.click(older);
    expect(await screen.findByText('51–100 of 120 records')).toBeTruthy();
    expect(reasons()[0]).toBe('reason 70');

    fireEvent.click(older);
    expect(await screen.findByText('101–120 of 120 records')).toBeTruthy();
    expect(reasons()).toHaveLength(20);
    expect(reasons().at(-1)).toBe('reason 1');
    expect((older as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(newer);
    expect(await screen.findByText('51–100 of 120 records')).toBeTruthy();
  });

  it('explains what will appear when the log is empty', async () => {
    render(<LogPage connector={createMemoryConnector({ status: status(), records: [] })} />);
    expect(await screen.findByText('No decisions recorded yet.')).toBeTruthy();
    expect(screen.getByText('The message itself is never recorded.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Older' })).toBeNull();
  });

  it('says so when the log cannot be read', async () => {
    const broken: Connector = {
      ...createMemoryConnector({ status: status() }),
      listLog: () => Promise.reject(new Error('The database is locked.')),
    };
    render(<LogPage connector={broken} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not read the log: The database is locked.');
  });
});
