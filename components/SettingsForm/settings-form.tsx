import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { EffectivePolicy, LogRecipients, Policy, PolicyKey, PolicyMode } from '@/lib/policy/types';
import { isEmailOrEmpty, parseDomains } from './parse';

/** The policy keys (DESIGN 8) this form edits today. */
export const FORM_KEYS = ['firmDomains', 'mode', 'userEmail', 'logRecipients'] as const satisfies readonly PolicyKey[];
type FormKey = (typeof FORM_KEYS)[number];

const MODES: { value: PolicyMode; label: string; hint: string }[] = [
  { value: 'audit', label: 'Audit', hint: 'Record only; never hold a send.' },
  { value: 'warn', label: 'Warn', hint: 'Hold the send; people may send anyway with a reason.' },
  { value: 'block', label: 'Block', hint: 'Like Warn, but no sending anyway for blocked clients and critical matches.' },
];

const RECIPIENT_OPTIONS: { value: LogRecipients; label: string }[] = [
  { value: 'full', label: 'Full addresses' },
  { value: 'domain', label: 'Domains only' },
  { value: 'none', label: 'Not recorded' },
];

export interface SettingsFormProps {
  effective: EffectivePolicy;
  onSave: (settings: Partial<Policy>) => Promise<EffectivePolicy>;
}

type Outcome = { kind: 'saved' } | { kind: 'error'; message: string } | null;

function Locked({ id }: { id: string }): JSX.Element {
  return (
    <p class="locked" id={id}>
      Set by your firm
    </p>
  );
}

/** Settings for unmanaged installs; keys the firm manages are shown locked (DESIGN 8). */
export function SettingsForm({ effective, onSave }: SettingsFormProps): JSX.Element {
  const [policy, setPolicy] = useState(effective.policy);
  const [managed, setManaged] = useState(new Set<PolicyKey>(effective.managedKeys));
  const [domainsText, setDomainsText] = useState(effective.policy.firmDomains.join('\n'));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);

  const editable = FORM_KEYS.filter((k) => !managed.has(k));
  const parsedDomains = parseDomains(domainsText);
  const domainsError = parsedDomains.invalid.length > 0 ? `Not a domain: ${parsedDomains.invalid.join(', ')}` : null;
  const emailError = isEmailOrEmpty(policy.userEmail) ? null : 'Enter an email address, e.g. c.lee@harrowvale.example, or leave it empty.';
  const locked = (key: FormKey) => managed.has(key);
  /** The ids describing a control: its hint, then the lock or the error, whichever shows. */
  const described = (key: FormKey, hint: string, error: string | null = null) =>
    [hint, locked(key) ? `locked-${key}` : error ? `${hint.replace(/-hint$/, '')}-error` : null].filter(Boolean).join(' ');

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if ((domainsError && !locked('firmDomains')) || (emailError && !locked('userEmail'))) return;
    const values: Pick<Policy, FormKey> = {
      firmDomains: parsedDomains.domains,
      mode: policy.mode,
      userEmail: policy.userEmail.trim(),
      logRecipients: policy.logRecipients,
    };
    // Only what the firm leaves to the user is sent; managed keys are not ours to write.
    const settings = Object.fromEntries(editable.map((k) => [k, values[k]])) as Partial<Policy>;
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await onSave(settings);
      setPolicy(saved.policy);
      setManaged(new Set(saved.managedKeys));
      setDomainsText(saved.policy.firmDomains.join('\n'));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="settings" onSubmit={(e) => void submit(e)} noValidate>
      <div class="field">
        <label htmlFor="firm-domains">Firm email domains</label>
        <p class="hint" id="firm-domains-hint">
          One per line. Recipients at these domains are inside the firm.
        </p>
        <textarea
          id="firm-domains"
          rows={3}
          value={domainsText}
          readOnly={locked('firmDomains')}
          aria-invalid={domainsError !== null && !locked('firmDomains')}
          aria-describedby={described('firmDomains', 'firm-domains-hint', domainsError)}
          onInput={(e) => setDomainsText(e.currentTarget.value)}
        />
        {locked('firmDomains') ? <Locked id="locked-firmDomains" /> : null}
        {domainsError && !locked('firmDomains') ? (
          <p class="field-error" id="firm-domains-error">
            {domainsError}
          </p>
        ) : null}
      </div>

      <fieldset class="field" disabled={locked('mode')} aria-describedby={locked('mode') ? 'locked-mode' : undefined}>
        <legend>When a message mentions a watched client</legend>
        {MODES.map((m) => (
          <label key={m.value} class="choice">
            <input
              type="radio"
              name="mode"
              value={m.value}
              checked={policy.mode === m.value}
              disabled={locked('mode')}
              onChange={() => setPolicy({ ...policy, mode: m.value })}
            />
            <span>
              <strong>{m.label}</strong> — {m.hint}
            </span>
          </label>
        ))}
        {locked('mode') ? <Locked id="locked-mode" /> : null}
      </fieldset>

      <div class="field">
        <label htmlFor="user-email">Your email address</label>
        <p class="hint" id="user-email-hint">
          Recorded as the user in the override log.
        </p>
        <input
          id="user-email"
          type="email"
          autoComplete="email"
          value={policy.userEmail}
          readOnly={locked('userEmail')}
          aria-invalid={emailError !== null && !locked('userEmail')}
          aria-describedby={described('userEmail', 'user-email-hint', emailError)}
          onInput={(e) => setPolicy({ ...policy, userEmail: e.currentTarget.value })}
        />
        {locked('userEmail') ? <Locked id="locked-userEmail" /> : null}
        {emailError && !locked('userEmail') ? (
          <p class="field-error" id="user-email-error">
            {emailError}
          </p>
        ) : null}
      </div>

      <div class="field">
        <label htmlFor="log-recipients">Recipients in the log</label>
        <p class="hint" id="log-recipients-hint">
          How much of each recipient the override log keeps.
        </p>
        <select
          id="log-recipients"
          value={policy.logRecipients}
          disabled={locked('logRecipients')}
          aria-describedby={described('logRecipients', 'log-recipients-hint')}
          onChange={(e) => setPolicy({ ...policy, logRecipients: e.currentTarget.value as LogRecipients })}
        >
          {RECIPIENT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {locked('logRecipients') ? <Locked id="locked-logRecipients" /> : null}
      </div>

      {editable.length > 0 ? (
        <div class="actions">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <p role="status" class="saved">
            {outcome?.kind === 'saved' ? 'Settings saved.' : ''}
          </p>
        </div>
      ) : (
        <p class="hint">All of these settings are set by your firm.</p>
      )}
      {outcome?.kind === 'error' ? (
        <p role="alert" class="error-text">
          Could not save: {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
