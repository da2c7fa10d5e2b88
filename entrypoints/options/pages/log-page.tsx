import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLoad } from '@/components/Load/use-load';
import { EmptyLog, LogTable } from '@/components/LogTable/log-table';
import { Pager } from '@/components/Pager/pager';
import type { Connector } from '@/lib/platform/connector';

export const LOG_PAGE_SIZE = 50;

/** The override log, newest first, fifty records a page (DESIGN 7). */
export function LogPage({ connector }: { connector: Connector }): JSX.Element {
  const [offset, setOffset] = useState(0);
  const [page, reload] = useLoad(() => connector.listLog(offset, LOG_PAGE_SIZE), [connector, offset]);

  // Decisions keep arriving while this tab sits in the background; show them on return.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Override log</h2>
      {page.state === 'loading' ? <p class="muted">Loading the log…</p> : null}
      {page.state === 'error' ? (
        <p role="alert" class="error-text">
          Could not read the log: {page.error}
        </p>
      ) : null}
      {page.state === 'ready' && page.data.total === 0 ? <EmptyLog /> : null}
      {page.state === 'ready' && page.data.total > 0 ? (
        <>
          <p class="log-count muted">
            {page.data.total.toLocaleString()} {page.data.total === 1 ? 'record' : 'records'}, newest first.
          </p>
          <LogTable records={page.data.records} />
          <Pager
            offset={offset}
            pageSize={LOG_PAGE_SIZE}
            shown={page.data.records.length}
            total={page.data.total}
            onOffset={setOffset}
            noun="records"
          />
        </>
      ) : null}
    </section>
  );
}
