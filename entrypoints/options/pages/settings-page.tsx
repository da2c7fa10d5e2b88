import type { JSX } from 'preact';
import { useLoad } from '@/components/Load/use-load';
import { SettingsForm } from '@/components/SettingsForm/settings-form';
import type { Connector } from '@/lib/connectors/connector';

/** Policy for this browser; what the firm manages is shown but locked (docs/design.md#policy). */
export function SettingsPage({ connector }: { connector: Connector }): JSX.Element {
  const [status] = useLoad(() => connector.getStatus(), [connector]);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {status.state === 'loading' ? <p class="muted">Loading…</p> : null}
      {status.state === 'error' ? (
        <p role="alert" class="error-text">
          Could not read the settings: {status.error}
        </p>
      ) : null}
      {status.state === 'ready' ? (
        <SettingsForm
          effective={status.data.policy}
          onSave={(settings) => connector.saveSettings(settings)}
          requestAccess={(url) => connector.requestHostAccess(url)}
        />
      ) : null}
    </section>
  );
}
