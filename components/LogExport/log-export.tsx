import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/log/export';
import type { LogFilter } from '@/lib/log/filter';
import type { Connector, ExportFile } from '@/lib/connectors/connector';
import { saveFile } from './save-file';

const NAMES: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', ndjson: 'NDJSON' };

export interface LogExportProps {
  connector: Connector;
  filter: LogFilter;
  /** How many records the filter shows; nothing to export when 0. */
  total: number;
  /** Where a finished file goes; the browser's download by default. */
  save?: (file: ExportFile) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat; done: number; total: number }
  | { kind: 'saved'; file: ExportFile }
  | { kind: 'error'; message: string };

/** Export exactly what the filter shows (issue 6), in any of the three formats. */
export function LogExport({ connector, filter, total, save = saveFile }: LogExportProps): JSX.Element {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function run(format: ExportFormat): Promise<void> {
    setState({ kind: 'busy', format, done: 0, total });
    try {
      const file = await connector.exportLog(filter, format, (done, all) =>
        setState({ kind: 'busy', format, done, total: all }),
      );
      save(file);
      setState({ kind: 'saved', file });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div class="log-export" role="group" aria-label="Export what the filter shows">
      {EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          disabled={total === 0 || state.kind === 'busy'}
          onClick={() => void run(format)}
        >
          Export {NAMES[format]}
        </button>
      ))}
      <p role="status" class="log-export-status muted">
        {state.kind === 'busy'
          ? `Exporting ${NAMES[state.format]}… ${state.done.toLocaleString()} of ${state.total.toLocaleString()} records`
          : ''}
        {state.kind === 'saved'
          ? `Saved ${state.file.name} (${state.file.count.toLocaleString()} ${state.file.count === 1 ? 'record' : 'records'}).`
          : ''}
      </p>
      {state.kind === 'error' ? (
        <p role="alert" class="error-text">
          Could not export: {state.message}
        </p>
      ) : null}
    </div>
  );
}
