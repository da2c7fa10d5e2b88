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
export function GuardSection({ drafts, set, locked, note, error, allowed }: SectionProps): JSX.Element {
  const modeNote = note('mode');
  const sitesNote = note('sites');
  return (
    <>
      <fieldset class="field" disabled={locked('mode')} aria-describedby={modeNote ? 'mode-locked' : undefined}>
        <legend>When a message mentions a watched client</legend>
        {MODES.map((m) => (
          <label key={m.value} class="choice">
            <input
              type="radio"
              name="mode"
              value={m.value}
              checked={drafts.mode === m.value}
              // Under a firm's policy a weaker mode than its floor is not offered (docs/design.md#policy-floor).
              disabled={!allowed('mode', m.value)}
              onChange={() => set({ mode: m.value })}
            />
            <span>
              <strong>{m.label}</strong> — {m.hint}
            </span>
          </label>
        ))}
        {modeNote ? <Locked id="mode-locked" text={modeNote} /> : null}
      </fieldset>

      <fieldset class="field" disabled={locked('sites')} aria-describedby={sitesNote ? 'sites-locked' : undefined}>
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
        {sitesNote ? <Locked id="sites-locked" text={sitesNote} /> : null}
      </fieldset>

      <Field
        id="reasons"
        label="Reasons for sending anyway"
        hint='One per line, "code: label". The code "other" asks for details.'
        note={note('reasons')}
        error={error('reasons')}
      >
        <textarea
          id="reasons"
          rows={5}
          value={drafts.reasons}
          readOnly={locked('reasons')}
          aria-invalid={error('reasons') !== null}
          aria-describedby={describedBy('reasons', true, note('reasons') !== null, error('reasons'))}
          onInput={(e) => set({ reasons: e.currentTarget.value })}
        />
      </Field>
    </>
  );
}

/** What the override log keeps and where it is sent. */
export function LogSection({ drafts, set, locked, note, error, tokenSet }: SectionProps): JSX.Element {
  return (
    <fieldset class="section">
      <legend>Override log</legend>
      <Field
        id="log-recipients"
        label="Recipients in the log"
        hint="How much of each recipient the override log keeps."
        note={note('logRecipients')}
        error={null}
      >
        <select
          id="log-recipients"
          value={drafts.logRecipients}
          disabled={locked('logRecipients')}
          aria-describedby={describedBy('log-recipients', true, note('logRecipients') !== null, null)}
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
        note={note('collectorUrl')}
        error={error('collectorUrl')}
      >
        <input
          id="collector-url"
          type="url"
          value={drafts.collectorUrl}
          readOnly={locked('collectorUrl')}
          aria-invalid={error('collectorUrl') !== null}
          aria-describedby={describedBy('collector-url', true, note('collectorUrl') !== null, error('collectorUrl'))}
          onInput={(e) => set({ collectorUrl: e.currentTarget.value })}
        />
      </Field>
      <Field
        id="collector-token"
        label="Log collector token"
        hint={
          !tokenSet
            ? undefined
            : locked('collectorToken')
              ? 'A token is set. It is never shown.'
              : 'A token is saved. It is never shown; type a new one to replace it.'
        }
        note={note('collectorToken')}
        error={null}
      >
        <input
          id="collector-token"
          type="password"
          autoComplete="off"
          // The saved token never comes back from the background: only what is typed here is shown.
          value={drafts.collectorToken}
          readOnly={locked('collectorToken')}
          aria-describedby={describedBy('collector-token', tokenSet, note('collectorToken') !== null, null)}
          onInput={(e) => set({ collectorToken: e.currentTarget.value })}
        />
      </Field>
      {tokenSet && !locked('collectorToken') ? (
        <label class="choice">
          <input
            type="checkbox"
            checked={drafts.removeToken}
            onChange={(e) => set({ removeToken: e.currentTarget.checked })}
          />
          <span>Remove the saved token</span>
        </label>
      ) : null}
    </fieldset>
  );
}
