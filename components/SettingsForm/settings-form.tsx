import type { JSX } from 'preact';
import './settings-form.css';
import { useState } from 'preact/hooks';
import { POLICY_KEYS } from '@/lib/policy/keys';
import type { EffectivePolicy, Policy, PolicyKey } from '@/lib/policy/types';
import { canonicalSites, draftsOf, readDrafts, type Drafts } from './drafts';
import { errorsOf, type SectionProps } from './field';
import { FirmSection, WatchlistSection } from './sections-firm';
import { GuardSection, LogSection } from './sections-guard';

export interface SettingsFormProps {
  effective: EffectivePolicy;
  onSave: (settings: Partial<Policy>) => Promise<EffectivePolicy>;
  /**
   * Asks for access to a new watchlist URL's host, from the Save click (a permission prompt
   * needs the user's gesture). Resolves false when refused.
   */
  requestAccess?: (url: string) => Promise<boolean>;
}

type Outcome = { kind: 'saved'; note: string | null } | { kind: 'error'; message: string } | null;

/** Every policy key of docs/design.md#policy for unmanaged installs; keys the firm manages are shown locked. */
export function SettingsForm({ effective, onSave, requestAccess }: SettingsFormProps): JSX.Element {
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(effective.policy));
  const [managed, setManaged] = useState(new Set<PolicyKey>(effective.managedKeys));
  // What is stored now: only keys that differ from it are sent, so an untouched key keeps
  // following the default (or a later firm policy) instead of being pinned to today's value.
  const [baseline, setBaseline] = useState(effective.policy);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);

  const editable = POLICY_KEYS.filter((k) => !managed.has(k));
  const locked = (key: PolicyKey) => managed.has(key);
  const { values, errors } = readDrafts(drafts);
  const error = errorsOf(errors, locked);
  const section: SectionProps = { drafts, set: (change) => setDrafts({ ...drafts, ...change }), locked, error };

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (editable.some((k) => errors[k])) return;
    // Only what the firm leaves to the user is sent; managed keys are not ours to write.
    const before: Policy = { ...baseline, sites: canonicalSites(baseline.sites) };
    const changed = editable.filter((k) => JSON.stringify(values[k]) !== JSON.stringify(before[k]));
    const settings = Object.fromEntries(changed.map((k) => [k, values[k]])) as Partial<Policy>;
    setSaving(true);
    setOutcome(null);
    try {
      const url = settings.watchlistUrl ?? '';
      const granted = url !== '' && requestAccess ? await requestAccess(url) : true;
      const saved = await onSave(settings);
      setDrafts(draftsOf(saved.policy));
      setManaged(new Set(saved.managedKeys));
      setBaseline(saved.policy);
      const note = granted
        ? null
        : 'Matterguard was not allowed to read the watchlist URL; it loads only if that server allows it (CORS).';
      setOutcome({ kind: 'saved', note });
    } catch (e) {
      setOutcome({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="settings" onSubmit={(e) => void submit(e)} noValidate>
      <FirmSection {...section} />
      <WatchlistSection {...section} />
      <fieldset class="section">
        <legend>Warnings</legend>
        <GuardSection {...section} />
      </fieldset>
      <LogSection {...section} />

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
      {outcome?.kind === 'saved' && outcome.note ? <p class="hint">{outcome.note}</p> : null}
      {outcome?.kind === 'error' ? (
        <p role="alert" class="error-text">
          Could not save: {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
