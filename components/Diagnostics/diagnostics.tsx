import type { JSX } from 'preact';
import { useLoad } from '@/components/Load/use-load';
import type { Connector } from '@/lib/connectors/connector';

/**
 * What the site adapters could not find on the pages they guard ("Outlook: send button not
 * found"), with how often and when (issue 5 "fail visible"). Such a page is still scanned and
 * warned about; this tells the user or the firm's IT that a site changed its layout.
 */
export function Diagnostics({ connector }: { connector: Connector }): JSX.Element {
  const [loaded] = useLoad(() => connector.listDiagnostics(), [connector]);
  return (
    <section aria-labelledby="diagnostics-heading">
      <h3 id="diagnostics-heading">Site diagnostics</h3>
      {loaded.state === 'loading' ? <p class="muted">Loading…</p> : null}
      {loaded.state === 'error' ? (
        <p role="alert" class="error-text">
          Could not read the diagnostics: {loaded.error}
        </p>
      ) : null}
      {loaded.state === 'ready' && loaded.data.length === 0 ? (
        <p class="muted">No problems reported by the guarded sites.</p>
      ) : null}
      {loaded.state === 'ready' && loaded.data.length > 0 ? (
        <ul aria-label="Site diagnostics">
          {loaded.data.map((d) => (
            <li key={`${d.site}|${d.message}`}>
              <strong>{d.message}</strong> — {d.count === 1 ? 'once' : `${d.count} times`}, last{' '}
              <time dateTime={d.lastAt}>{new Date(d.lastAt).toLocaleString()}</time>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
