import type { JSX } from 'preact';
import { MAX_SHRINK_PERCENT, REFRESH_MINUTES } from '@/lib/policy/keys';
import { describedBy, Field, Locked, type SectionProps } from './field';

/** Who the firm is: its domains and the user's own address. */
export function FirmSection({ drafts, set, locked, note, error }: SectionProps): JSX.Element {
  return (
    <fieldset class="section">
      <legend>Your firm</legend>
      <Field
        id="firm-domains"
        label="Firm email domains"
        hint="One per line. Recipients at these domains are inside the firm."
        note={note('firmDomains')}
        error={error('firmDomains')}
      >
        <textarea
          id="firm-domains"
          rows={3}
          value={drafts.firmDomains}
          readOnly={locked('firmDomains')}
          aria-invalid={error('firmDomains') !== null}
          aria-describedby={describedBy('firm-domains', true, note('firmDomains') !== null, error('firmDomains'))}
          onInput={(e) => set({ firmDomains: e.currentTarget.value })}
        />
      </Field>
      <Field
        id="user-email"
        label="Your email address"
        hint="Recorded as the user in the override log."
        note={note('userEmail')}
        error={error('userEmail')}
      >
        <input
          id="user-email"
          type="email"
          autoComplete="email"
          value={drafts.userEmail}
          readOnly={locked('userEmail')}
          aria-invalid={error('userEmail') !== null}
          aria-describedby={describedBy('user-email', true, note('userEmail') !== null, error('userEmail'))}
          onInput={(e) => set({ userEmail: e.currentTarget.value })}
        />
      </Field>
    </fieldset>
  );
}

/** Where the firm list comes from, how often it is checked, and whether users keep their own. */
export function WatchlistSection({ drafts, set, locked, note, error }: SectionProps): JSX.Element {
  return (
    <fieldset class="section">
      <legend>Watchlist</legend>
      <Field
        id="watchlist-url"
        label="Firm watchlist URL"
        hint="An https:// address of the firm's list (CSV or JSON). Empty: the embedded demo list."
        note={note('watchlistUrl')}
        error={error('watchlistUrl')}
      >
        <input
          id="watchlist-url"
          type="url"
          value={drafts.watchlistUrl}
          readOnly={locked('watchlistUrl')}
          aria-invalid={error('watchlistUrl') !== null}
          aria-describedby={describedBy('watchlist-url', true, note('watchlistUrl') !== null, error('watchlistUrl'))}
          onInput={(e) => set({ watchlistUrl: e.currentTarget.value })}
        />
      </Field>
      <Field
        id="refresh-minutes"
        label="Check for a new list every (minutes)"
        hint={`${REFRESH_MINUTES.min} to ${REFRESH_MINUTES.max}. An unchanged list costs nothing to check.`}
        note={note('refreshMinutes')}
        error={error('refreshMinutes')}
      >
        <input
          id="refresh-minutes"
          type="number"
          min={REFRESH_MINUTES.min}
          max={REFRESH_MINUTES.max}
          value={drafts.refreshMinutes}
          readOnly={locked('refreshMinutes')}
          aria-invalid={error('refreshMinutes') !== null}
          aria-describedby={describedBy(
            'refresh-minutes',
            true,
            note('refreshMinutes') !== null,
            error('refreshMinutes'),
          )}
          onInput={(e) => set({ refreshMinutes: e.currentTarget.value })}
        />
      </Field>
      <Field
        id="max-shrink-percent"
        label="Hold back a new list that lost more than this share of entries (%)"
        hint="A list much shorter than the one in force is usually a broken export: it is held back and reported until a newer version arrives. 100 turns this off."
        note={note('maxShrinkPercent')}
        error={error('maxShrinkPercent')}
      >
        <input
          id="max-shrink-percent"
          type="number"
          min={MAX_SHRINK_PERCENT.min}
          max={MAX_SHRINK_PERCENT.max}
          value={drafts.maxShrinkPercent}
          readOnly={locked('maxShrinkPercent')}
          aria-invalid={error('maxShrinkPercent') !== null}
          aria-describedby={describedBy(
            'max-shrink-percent',
            true,
            note('maxShrinkPercent') !== null,
            error('maxShrinkPercent'),
          )}
          onInput={(e) => set({ maxShrinkPercent: e.currentTarget.value })}
        />
      </Field>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            checked={drafts.allowPersonalWatchlist}
            disabled={locked('allowPersonalWatchlist')}
            aria-describedby={note('allowPersonalWatchlist') ? 'allow-personal-locked' : undefined}
            onChange={(e) => set({ allowPersonalWatchlist: e.currentTarget.checked })}
          />
          <span>Let people keep a personal watchlist</span>
        </label>
        {note('allowPersonalWatchlist') ? (
          <Locked id="allow-personal-locked" text={note('allowPersonalWatchlist') ?? ''} />
        ) : null}
      </div>
    </fieldset>
  );
}
