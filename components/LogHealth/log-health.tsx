import type { JSX } from 'preact';
import type { LogHealth } from '@/lib/protocol/protocol';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string) => timeFormat.format(new Date(iso));

/**
 * What must not go unnoticed about the log (issue 6): storage running low and a decision that
 * could not be written. Shown in the options page and the popup; empty when all is well.
 */
export function LogWarnings({ health }: { health: LogHealth }): JSX.Element | null {
  if (!health.storage?.low && !health.writeError) return null;
  return (
    <div class="log-warnings" role="alert">
      {health.storage?.low ? <p>{health.storage.message}</p> : null}
      {health.writeError ? (
        <p>
          {when(health.writeError.at)}: {health.writeError.message}
        </p>
      ) : null}
    </div>
  );
}

export interface CollectorStatusProps {
  collector: NonNullable<LogHealth['collector']>;
  /** Asks the browser for access to the collector's host (a click is needed for the prompt). */
  onAllow?: () => void;
}

/** The collector's queue for the options page: delivered, or waiting and why. */
export function CollectorStatus({ collector, onAllow }: CollectorStatusProps): JSX.Element {
  const waiting = collector.pending;
  // Without host access only a collector that answers CORS for our origin can be reached;
  // after a failure, offer the grant (Chrome shows its own prompt).
  const offerAccess = !collector.hostAccess && collector.lastError !== null && onAllow;
  const status = (
    <p class={`collector-status${collector.lastError ? ' error-text' : ' muted'}`}>
      Central collection to {collector.origin}:{' '}
      {waiting === 0
        ? `every record delivered${collector.lastSuccessAt ? ` (last at ${when(collector.lastSuccessAt)})` : ''}.`
        : `${waiting.toLocaleString()} ${waiting === 1 ? 'record' : 'records'} waiting.`}
      {collector.lastError ? ` Last attempt failed: ${collector.lastError}` : ''}
      {collector.nextAttemptAt ? ` Next try ${when(collector.nextAttemptAt)}.` : ''}
    </p>
  );
  if (!offerAccess) return status;
  return (
    <div class="collector-access">
      {status}
      <p>
        Matterguard has no permission to reach {new URL(collector.origin).host}.{' '}
        <button type="button" onClick={onAllow}>
          Allow access to {new URL(collector.origin).host}
        </button>
      </p>
    </div>
  );
}
