import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { PersonalImportResult } from '@/lib/protocol/protocol-watchlist';
import { toWatchlistCsv } from '@/lib/watchlist/export-csv';
import type { WatchlistEntry } from '@/lib/watchlist/types';

export interface ImportExportProps {
  entries: WatchlistEntry[];
  onImport: (text: string, fileName: string) => Promise<PersonalImportResult>;
}

type Outcome = { kind: 'done'; result: PersonalImportResult } | { kind: 'error'; message: string } | null;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Saves the entries as a file; the page, not the worker, can make a download. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Import and export in the firm list's format (docs/design.md#file-format), so a list moves between people
 * and browsers.
 */
export function ImportExport({ entries, onImport }: ImportExportProps): JSX.Element {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', result: await onImport(await file.text(), file.name) });
    } catch (error) {
      setOutcome({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  const result = outcome?.kind === 'done' ? outcome.result : null;
  return (
    <div class="import-export">
      <div class="field">
        <label htmlFor="import-file">Import a CSV or JSON file</label>
        <p class="hint" id="import-file-hint">
          The firm list’s columns: client_number, client_name, matter_number, matter_name, aliases, allowed_domains,
          walled, severity.
        </p>
        <input
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,.json,text/csv,application/json"
          aria-describedby="import-file-hint"
          disabled={busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </div>
      <button
        type="button"
        disabled={entries.length === 0}
        onClick={() => download(toWatchlistCsv(entries), 'my-matterguard-watchlist.csv')}
      >
        Export as CSV
      </button>
      <div role="status" class="import-result">
        {result ? (
          <>
            <p>
              {plural(result.added, 'entry', 'entries')} added
              {result.duplicates > 0 ? `; ${plural(result.duplicates, 'was', 'were')} already on your list` : ''}.
            </p>
            {result.issues.length > 0 ? (
              <ul class="issues" aria-label="Problems in the file">
                {result.issues.map((issue) => (
                  <li key={`${issue.line}:${issue.message}`}>
                    {issue.line > 0 ? `Line ${issue.line}: ${issue.message}` : issue.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      {outcome?.kind === 'error' ? (
        <p role="alert" class="error-text">
          Could not import: {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
