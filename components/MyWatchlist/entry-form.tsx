import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { checkPersonalFields, type FieldErrors, type PersonalFields } from '@/lib/watchlist/personal';
import type { Severity } from '@/lib/watchlist/types';

export interface EntryFormProps {
  /** Distinguishes the ids of two forms on one page (the add form, a row being edited). */
  idPrefix: string;
  initial: PersonalFields;
  submitLabel: string;
  /** Saves; resolves with the background's field errors, or null when saved. */
  onSubmit: (fields: PersonalFields) => Promise<FieldErrors | null>;
  onCancel?: () => void;
  /** Clears the fields after a successful save (the add form). */
  resetOnSave?: boolean;
}

const TEXT_FIELDS: { key: Exclude<keyof PersonalFields, 'severity'>; label: string; hint?: string }[] = [
  { key: 'clientName', label: 'Name or term', hint: 'A client, a code name, anything that must not leak.' },
  { key: 'clientNumber', label: 'Client number' },
  { key: 'matterNumber', label: 'Matter number' },
  { key: 'matterName', label: 'Matter name', hint: 'For your reference; not matched.' },
  { key: 'aliases', label: 'Aliases', hint: 'Other names, separated by ;' },
  {
    key: 'allowedDomains',
    label: 'Allowed domains',
    hint: 'Recipients at these domains are expected, e.g. acme.com; acme.co.uk',
  },
  { key: 'walled', label: 'Walled-off addresses', hint: 'Colleagues who must not see it, separated by ;' },
];

const SEVERITIES: { value: Severity; label: string }[] = [
  { value: 'notice', label: 'Notice' },
  { value: 'warn', label: 'Warn' },
  { value: 'block', label: 'Block' },
];

/** One personal entry's fields; each problem is shown on the field it concerns. */
export function EntryForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  resetOnSave,
}: EntryFormProps): JSX.Element {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const id = (key: string) => `${idPrefix}-${key}`;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    // The same check as the background's, so mistakes show without a round trip.
    const local = checkPersonalFields(fields);
    setErrors(local.errors);
    setFailure(null);
    if (!local.entry) return;
    setBusy(true);
    try {
      const remote = await onSubmit(fields);
      if (remote) setErrors(remote);
      else if (resetOnSave) setFields(initial);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="entry-form" onSubmit={(e) => void submit(e)} noValidate>
      <div class="entry-fields">
        {TEXT_FIELDS.map(({ key, label, hint }) => (
          <div class="entry-field" key={key}>
            <label htmlFor={id(key)}>{label}</label>
            <input
              id={id(key)}
              type="text"
              value={fields[key]}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={
                [hint ? id(`${key}-hint`) : '', errors[key] ? id(`${key}-error`) : ''].filter(Boolean).join(' ') ||
                undefined
              }
              onInput={(e) => setFields({ ...fields, [key]: e.currentTarget.value })}
            />
            {hint ? (
              <p class="hint" id={id(`${key}-hint`)}>
                {hint}
              </p>
            ) : null}
            {errors[key] ? (
              <p class="field-error" id={id(`${key}-error`)}>
                {errors[key]}
              </p>
            ) : null}
          </div>
        ))}
        <div class="entry-field">
          <label htmlFor={id('severity')}>Severity</label>
          <select
            id={id('severity')}
            value={fields.severity}
            onChange={(e) => setFields({ ...fields, severity: e.currentTarget.value as Severity })}
          >
            {SEVERITIES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {errors.entry ? (
        <p class="field-error" role="alert">
          {errors.entry}
        </p>
      ) : null}
      {failure ? (
        <p class="error-text" role="alert">
          {failure}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
