import type { JSX } from 'preact';
import { levelLabel, siteLabel } from '@/lib/log/format';
import type { Level } from '@/lib/match/types';
import type { TabState } from '@/lib/protocol/protocol';

const LEVEL_MEANING: Record<Level, string> = {
  notice: 'Watched clients are mentioned; the recipients are expected.',
  warn: 'Watched clients are mentioned to someone outside the firm and the client.',
  critical: 'Watched clients are mentioned to another client or to someone walled off.',
};

/**
 * What Matterguard sees on the current tab (null: the tab never reported, so this site is not
 * one Matterguard guards).
 */
export function TabStatus({ state }: { state: TabState | null }): JSX.Element {
  if (!state) return <p class="status-line">Matterguard does not guard this site.</p>;
  const site = siteLabel(state.site);
  if (state.level === null || state.matchCount === 0) {
    return (
      <p class="status-line">
        <span class="site">{site}</span> · Nothing watched on this page.
      </p>
    );
  }
  return (
    <div class="tab-status">
      <p class="status-line">
        <span class="site">{site}</span> · <span class={`level level-${state.level}`}>{levelLabel(state.level)}</span> ·{' '}
        {state.matchCount === 1 ? '1 match' : `${state.matchCount} matches`}
      </p>
      <p class="hint">{LEVEL_MEANING[state.level]}</p>
      {state.summary.length > 0 ? (
        <ul class="summary" aria-label="Matched clients">
          {state.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
