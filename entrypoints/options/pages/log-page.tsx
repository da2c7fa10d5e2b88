import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LogChart } from '@/components/LogChart/log-chart';
import { LogExport } from '@/components/LogExport/log-export';
import { LogFilters } from '@/components/LogFilters/log-filters';
import { CollectorStatus, LogWarnings } from '@/components/LogHealth/log-health';
import { useLoad } from '@/components/Load/use-load';
import { EmptyLog, LogTable } from '@/components/LogTable/log-table';
import { LogVerify } from '@/components/LogVerify/log-verify';
import { Pager } from '@/components/Pager/pager';
import { isEmptyFilter, type LogFilter } from '@/lib/log/filter';
import type { Connector, ExportFile } from '@/lib/connectors/connector';

export const LOG_PAGE_SIZE = 50;

export interface LogPageProps {
  connector: Connector;
  /** Where exports go; the browser's download by default (tests pass their own). */
  save?: (file: ExportFile) => void;
}

/**
 * The override log for supervisors (docs/design.md#review-and-export, issue 6): filters, a chart, the records newest
 * first fifty a page, export of exactly what the filter shows, verification, and the log's
 * health (storage, the collector).
 */
export function LogPage({ connector, save }: LogPageProps): JSX.Element {
  const [filter, setFilter] = useState<LogFilter>({});
  const [offset, setOffset] = useState(0);
  // Each answer carries the filter it answers, so an older answer is never worded as a newer one.
  const [page, reloadPage] = useLoad(
    async () => ({ filter, offset, ...(await connector.listLog(offset, LOG_PAGE_SIZE, filter)) }),
    [connector, offset, filter],
  );
  const [summary, reloadSummary] = useLoad(() => connector.summarizeLog(filter), [connector, filter]);
  const [health, reloadHealth] = useLoad(() => connector.getLogHealth(), [connector]);
  const filtered = page.state === 'ready' ? !isEmptyFilter(page.data.filter) : !isEmptyFilter(filter);
  const updating = page.state === 'ready' && (page.data.filter !== filter || page.data.offset !== offset);

  // Decisions keep arriving while this tab sits in the background; show them on return.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      reloadPage();
      reloadSummary();
      reloadHealth();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reloadPage, reloadSummary, reloadHealth]);

  async function allowCollector(origin: string): Promise<void> {
    await connector.requestHostAccess(`${origin}/`);
    reloadHealth();
  }

  function apply(next: LogFilter): void {
    setFilter(next);
    setOffset(0);
  }

  const empty = page.state === 'ready' && page.data.total === 0;
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Override log</h2>
      {health.state === 'ready' ? <LogWarnings health={health.data} /> : null}
      {health.state === 'ready' && health.data.collector ? (
        <CollectorStatus
          collector={health.data.collector}
          onAllow={() => void allowCollector(health.data.collector!.origin)}
        />
      ) : null}
      {page.state === 'error' ? (
        <p role="alert" class="error-text">
          Could not read the log: {page.error}
        </p>
      ) : null}
      {empty && !filtered ? <EmptyLog /> : null}
      {!(empty && !filtered) ? <LogFilters value={filter} onApply={apply} /> : null}
      {page.state === 'loading' ? <p class="muted">Loading the log…</p> : null}
      {updating ? <p class="muted">Filtering…</p> : null}
      {page.state === 'ready' && !(empty && !filtered) ? (
        <>
          <p class="log-count muted" role="status">
            {filtered
              ? `${page.data.total.toLocaleString()} ${page.data.total === 1 ? 'record matches' : 'records match'} these filters, newest first.`
              : `${page.data.total.toLocaleString()} ${page.data.total === 1 ? 'record' : 'records'}, newest first.`}
          </p>
          <div class="log-tools">
            <LogExport connector={connector} filter={filter} total={page.data.total} save={save} />
            <LogVerify connector={connector} />
          </div>
          {summary.state === 'ready' && summary.data.total > 0 ? <LogChart summary={summary.data} /> : null}
          {empty ? <p class="empty">No records match these filters.</p> : <LogTable records={page.data.records} />}
          {empty ? null : (
            <Pager
              offset={offset}
              pageSize={LOG_PAGE_SIZE}
              shown={page.data.records.length}
              total={page.data.total}
              onOffset={setOffset}
              noun="records"
            />
          )}
        </>
      ) : null}
    </section>
  );
}
