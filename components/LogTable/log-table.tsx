import type { JSX } from 'preact';
import { actionLabel, clientMatterLines, levelLabel, matchedWords, siteLabel } from '@/lib/log/format';
import type { OverrideRecord } from '@/lib/log/types';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Local, readable time; the exact UTC instant stays in the markup for copy and tooltips. */
function Time({ at }: { at: string }): JSX.Element {
  const date = new Date(at);
  const readable = Number.isNaN(date.getTime()) ? at : timeFormat.format(date);
  return (
    <time dateTime={at} title={at}>
      {readable}
    </time>
  );
}

function Lines({ lines }: { lines: string[] }): JSX.Element {
  if (lines.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="cell-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Row({ record }: { record: OverrideRecord }): JSX.Element {
  return (
    <tr>
      <td class="nowrap">
        <Time at={record.at} />
      </td>
      <td>{record.user}</td>
      <td>{siteLabel(record.site)}</td>
      <td>
        <span class={`action action-${record.action}`}>{actionLabel(record.action)}</span>
      </td>
      <td>
        <span class={`level level-${record.level}`}>{levelLabel(record.level)}</span>
      </td>
      <td>
        <Lines lines={clientMatterLines(record.matches)} />
      </td>
      <td>
        <Lines lines={matchedWords(record.matches).map((w) => `“${w}”`)} />
      </td>
      <td>{record.reason || record.reasonCode || <span class="muted">—</span>}</td>
      <td>
        <Lines lines={record.recipients} />
      </td>
    </tr>
  );
}

/** The override log as a table, in the order given (the caller asks for newest first). */
export function LogTable({ records }: { records: OverrideRecord[] }): JSX.Element {
  return (
    <div class="table-scroll">
      <table class="log-table">
        <caption class="visually-hidden">Override log, newest first</caption>
        <thead>
          <tr>
            {[
              'Time',
              'User',
              'Site',
              'Action',
              'Level',
              'Client / matter',
              'Matched words',
              'Reason',
              'Recipients',
            ].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <Row key={r.id} record={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What an empty log means, for a supervisor opening it on day one. */
export function EmptyLog(): JSX.Element {
  return (
    <div class="empty">
      <p>
        <strong>No decisions recorded yet.</strong>
      </p>
      <p>
        Each time Matterguard holds a message that mentions a watched client or matter, the decision is recorded here:
        sent anyway, went back, or blocked (and, in audit mode, every such send). Each record shows when, who, on which
        site, which client or matter matched, and the reason given.
      </p>
      <p>The message itself is never recorded.</p>
    </div>
  );
}
