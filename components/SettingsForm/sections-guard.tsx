import type { JSX } from 'preact';
import { SITE_IDS, siteLabel } from '@/lib/log/format';
import type { LogRecipients, PolicyMode } from '@/lib/policy/types';
import { describedBy, Field, Locked, type SectionProps } from './field';

const MODES: { value: PolicyMode; label: string; hint: string }[] = [
  { value: 'audit', label: 'Audit', hint: 'Record only; never hold a send.' },
  { value: 'warn', label: 'Warn', hint: 'Hold the send; people may send anyway with a reason.' },
  {
    value: 'block',
    label: 'Block',
    hint: 'Like Warn, but no sending anyway for blocked clients and critical matches.',
  },
];

const RECIPIENT_OPTIONS: { value: LogRecipients; label: string }[] = [
  { value: 'full', label: 'Full addresses' },
  { value: 'domain', label: 'Domains only' },
  { value: 'none', label: 'Not recorded' },
];

/** What happens at the send, where, and the reasons people may give. */
export function GuardSection({ drafts, set, locked, error }: SectionProps): JSX.Element {
  return (
    <>
      <fieldset class="field" disabled={locked('mode')} aria-describedby={locked('mode') ? 'mode-locked' : undefined}>
        <legend>When a message mentions a watched client</legend>
        {MODES.map((m) => (
          <label key={m.value} class="choice">
            <input
              type="radio"
              name="mode"
              value={m.value}
              checked={drafts.mode === m.value}
              disabled={locked('mode')}
              onChange={() => set({ mode: m.value })}
            />
            <span>
              <strong>{m.label}</strong> — {m.hint}
            </span>
          </label>
        ))}
        {locked('mode') ? <Locked id="mode-locked" /> : null}
      </fieldset>

      <fieldset
        class="field"
        disabled={locked('sites')}
        aria-describedby={locked('sites') ? 'sites-locked' : undefined}
      >
        <legend>Guard these sites</legend>
        <div class="site-grid">
          {SITE_IDS.map((site) => (
            <label key={site} class="choice">
              <input
                type="checkbox"
                checked={drafts.sites[site]}
                disabled={locked('sites')}
                onChange={(e) => set({ sites: { ...drafts.sites, [site]: e.currentTarget.checked } })}
              />
              <span>{siteLabel(site)}</span>
            </label>
          ))}
        </div>
        {locked('sites') ? <Locked id="sites-locked" /> : null}
      </fieldset>

      <Field
        id="reasons"
        label="Reasons for sending anyway"
        hint='One per line, "code: label". The code "other" asks for details.'
        locked={locked('reasons')}
        error={error('reasons')}
      >
        <textarea
          id="reasons"
          rows={5}
          value={drafts.reasons}
          readOnly={locked('reasons')}
          aria-invalid={error('reasons') !== null}
          aria-describedby={describedBy('reasons', true, locked('reasons'), error('reasons'))}
          onInput={(e) => set({ reasons: e.currentTarget.value })}
        />
      </Field>
    </>
  );
}

/** What the override log keeps and where it is sent. */
export function LogSection({ drafts, set, locked, error }: SectionProps): JSX.Element {
  return (
    <fieldset class="section">
      <legend>Override log</legend>
      <Field
        id="log-recipients"
        label="Recipients in the log"
        hint="How much of each recipient the override log keeps."
        locked={locked('logRecipients')}
        error={null}
      >
        <select
          id="log-recipients"
          value={drafts.logRecipients}
          disabled={locked('logRecipients')}
          aria-describedby={describedBy('log-recipients', true, locked('logRecipients'), null)}
          onChange={(e) => set({ logRecipients: e.currentTarget.value as LogRecipients })}
        >
          {RECIPIENT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="collector-url"
        label="Log collector URL"
        hint="Splunk HEC-compatible https:// endpoint that receives every record. Empty: none."
        locked={locked('collectorUrl')}
        error={error('collectorUrl')}
      >
        <input
          id="collector-url"
          type="url"
          value={drafts.collectorUrl}
          readOnly={locked('collectorUrl')}
          aria-invalid={error('collectorUrl') !== null}
          aria-describedby={describedBy('collector-url', true, locked('collectorUrl'), error('collectorUrl'))}
          onInput={(e) => set({ collectorUrl: e.currentTarget.value })}
        />
      </Field>
      <Field id="collector-token" label="Log collector token" locked={locked('collectorToken')} error={null}>
        <input
          id="collector-token"
          type="password"
          autoComplete="off"
          // A token the firm set is not shown, not even masked.
          value={locked('collectorToken') ? '' : drafts.collectorToken}
          readOnly={locked('collectorToken')}
          aria-describedby={describedBy('collector-token', false, locked('collectorToken'), null)}
          onInput={(e) => set({ collectorToken: e.currentTarget.value })}
        />
      </Field>
    </fieldset>
  );
}
