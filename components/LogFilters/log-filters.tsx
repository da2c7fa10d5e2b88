import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { LogFilter } from '@/lib/log/filter';
import { actionLabel, GATE_ACTIONS, levelLabel, LEVELS, SITE_IDS, siteLabel } from '@/lib/log/format';
import { dayEnd, dayOfEnd, dayOfStart, dayStart } from './dates';

interface Draft {
  from: string;
  to: string;
  user: string;
  client: string;
  matter: string;
  site: string;
  action: string;
  level: string;
  text: string;
}

function draftOf(filter: LogFilter): Draft {
  return {
    from: dayOfStart(filter.from),
    to: dayOfEnd(filter.to),
    user: filter.user ?? '',
    client: filter.client ?? '',
    matter: filter.matter ?? '',
    site: filter.site ?? '',
    action: filter.action ?? '',
    level: filter.level ?? '',
    text: filter.text ?? '',
  };
}

/** The filter a draft means: empty fields left out, days turned into instants. */
export function filterOf(draft: Draft): LogFilter {
  const filter: LogFilter = {};
  const from = dayStart(draft.from);
  const to = dayEnd(draft.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  for (const key of ['user', 'client', 'matter', 'text'] as const)
    if (draft[key].trim()) filter[key] = draft[key].trim();
  if (draft.site) filter.site = draft.site as LogFilter['site'];
  if (draft.action) filter.action = draft.action as LogFilter['action'];
  if (draft.level) filter.level = draft.level as LogFilter['level'];
  return filter;
}

const TEXT_FIELDS: { key: 'user' | 'client' | 'matter' | 'text'; label: string; placeholder: string }[] = [
  { key: 'user', label: 'User', placeholder: 'c.lee@…' },
  { key: 'client', label: 'Client', placeholder: 'Name or number' },
  { key: 'matter', label: 'Matter', placeholder: '12345-0001' },
  { key: 'text', label: 'Search', placeholder: 'Words or "a phrase"' },
];

export interface LogFiltersProps {
  value: LogFilter;
  onApply: (filter: LogFilter) => void;
}

/**
 * Narrowing the log (docs/design.md#review-and-export): dates, user, client, matter, site, action, level,
 * free text.
 */
export function LogFilters({ value, onApply }: LogFiltersProps): JSX.Element {
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const set = (key: keyof Draft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });
  const dateError = draft.from && draft.to && draft.to < draft.from ? 'The end date is before the start date.' : null;

  function submit(event: Event): void {
    event.preventDefault();
    if (!dateError) onApply(filterOf(draft));
  }

  function clear(): void {
    setDraft(draftOf({}));
    onApply({});
  }

  const select = (key: 'site' | 'action' | 'level', label: string, options: { value: string; label: string }[]) => (
    <div class="filter">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={draft[key]} onChange={set(key)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form class="log-filters" role="search" aria-label="Filter the log" onSubmit={submit}>
      <div class="filter">
        <label htmlFor="filter-from">From</label>
        <input id="filter-from" type="date" value={draft.from} onInput={set('from')} />
      </div>
      <div class="filter">
        <label htmlFor="filter-to">To</label>
        <input
          id="filter-to"
          type="date"
          value={draft.to}
          onInput={set('to')}
          aria-invalid={dateError !== null}
          aria-describedby={dateError ? 'filter-date-error' : undefined}
        />
      </div>
      {TEXT_FIELDS.map((f) => (
        <div class="filter" key={f.key}>
          <label htmlFor={`filter-${f.key}`}>{f.label}</label>
          {f.key === 'text' ? (
            <input
              id={`filter-${f.key}`}
              type="search"
              value={draft[f.key]}
              placeholder={f.placeholder}
              onInput={set(f.key)}
            />
          ) : (
            <input
              id={`filter-${f.key}`}
              type="text"
              value={draft[f.key]}
              placeholder={f.placeholder}
              onInput={set(f.key)}
            />
          )}
        </div>
      ))}
      {select(
        'site',
        'Site',
        SITE_IDS.map((s) => ({ value: s, label: siteLabel(s) })),
      )}
      {select(
        'action',
        'Action',
        GATE_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })),
      )}
      {select(
        'level',
        'Level',
        LEVELS.map((l) => ({ value: l, label: levelLabel(l) })),
      )}
      <div class="filter-buttons">
        <button type="submit" class="primary">
          Apply filters
        </button>
        <button type="button" onClick={clear}>
          Clear filters
        </button>
      </div>
      {dateError ? (
        <p class="field-error" id="filter-date-error">
          {dateError}
        </p>
      ) : null}
    </form>
  );
}
