import type { JSX } from 'preact';
import './settings-form.css';
import { useState } from 'preact/hooks';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';
import { isAtLeastAsStrict } from '@/lib/policy/floor';
import { POLICY_KEYS } from '@/lib/policy/keys';
import type { Policy, PolicyKey, PolicyView } from '@/lib/policy/types';
import { accessNote, isAllowed, isLocked } from './access';
import { canonicalSites, draftsOf, readDrafts, type DraftErrors, type Drafts } from './drafts';
import { errorsOf, type SectionProps } from './field';
import { FirmSection, WatchlistSection } from './sections-firm';
import { GuardSection, LogSection } from './sections-guard';

export interface SettingsFormProps {
  effective: PolicyView;
  onSave: (settings: Partial<Policy>) => Promise<PolicyView>;
  /**
   * Asks for access to a new watchlist URL's host, from the Save click (a permission prompt
   * needs the user's gesture). Resolves false when refused.
   */
  requestAccess?: (url: string) => Promise<boolean>;
}

type Outcome = { kind: 'saved'; note: string | null } | { kind: 'error'; message: string } | null;

/** A value weaker than the firm's floor is an error here before the background refuses it. */
function floorErrors(view: PolicyView, values: Partial<Policy>, errors: DraftErrors): void {
  for (const key of POLICY_KEYS) {
    const value = values[key];
    if (view.access[key] !== 'stricter' || value === undefined || errors[key]) continue;
    if (isAtLeastAsStrict(key, value, DEFAULT_POLICY[key])) continue;
    const floor = JSON.stringify(DEFAULT_POLICY[key]).replace(/^"|"$/g, '');
    errors[key] =
      `Your firm manages Matterguard: ${key === 'refreshMinutes' ? `at most ${floor} minutes` : `no weaker than ${floor}`}.`;
  }
}

/** Every policy key of docs/design.md#policy; what the firm sets or locks is shown locked, and why. */
export function SettingsForm({ effective, onSave, requestAccess }: SettingsFormProps): JSX.Element {
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(effective.policy));
  // What is stored now: only keys that differ from it are sent, so an untouched key keeps
  // following the default (or a later firm policy) instead of being pinned to today's value.
  const [view, setView] = useState(effective);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);

  const locked = (key: PolicyKey) => isLocked(view, key);
  const editable = POLICY_KEYS.filter((k) => !locked(k));
  const { values, errors } = readDrafts(drafts);
  floorErrors(view, values, errors);
  const error = errorsOf(errors, locked);
  const section: SectionProps = {
    drafts,
    set: (change) => setDrafts({ ...drafts, ...change }),
    locked,
    note: (key) => accessNote(view, key),
    error,
    allowed: (key, value) => isAllowed(view, key, value),
    tokenSet: view.collectorTokenSet,
  };

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (editable.some((k) => errors[k])) return;
    // Only what this browser's user may set is sent; the background refuses the rest anyway.
    const before = { ...view.policy, sites: canonicalSites(view.policy.sites) };
    const changed = editable.filter(
      (k) => k !== 'collectorToken' && JSON.stringify(values[k]) !== JSON.stringify(before[k]),
    );
    const settings = Object.fromEntries(changed.map((k) => [k, values[k]])) as Partial<Policy>;
    // The saved token is never shown, so only a new one (or its removal) is sent.
    const token = values.collectorToken ?? '';
    if (!locked('collectorToken') && (token !== '' || drafts.removeToken)) settings.collectorToken = token;
    setSaving(true);
    setOutcome(null);
    try {
      const url = settings.watchlistUrl ?? '';
      const granted = url !== '' && requestAccess ? await requestAccess(url) : true;
      const saved = await onSave(settings);
      setDrafts(draftsOf(saved.policy));
      setView(saved);
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

  const managedHere = POLICY_KEYS.some((k) => view.access[k] !== 'open');
  const allByFirm = POLICY_KEYS.every((k) => view.access[k] === 'managed' || view.access[k] === 'invalid');
  return (
    <form class="settings" onSubmit={(e) => void submit(e)} noValidate>
      {managedHere ? (
        <p class="hint">
          Your firm manages Matterguard in this browser. What it did not set stays at the safe default where changing it
          would weaken protection.
        </p>
      ) : null}
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
        <p class="hint">
          {allByFirm ? 'All of these settings are set by your firm.' : 'None of these settings can be changed here.'}
        </p>
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
