import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { PersonalItemView } from '@/lib/protocol/protocol-watchlist';
import { entryLabel, fieldsOf, type FieldErrors, type PersonalFields } from '@/lib/watchlist/personal';
import { EntryForm } from './entry-form';

export interface EntryTableProps {
  items: PersonalItemView[];
  onSave: (id: string, fields: PersonalFields) => Promise<FieldErrors | null>;
  onDelete: (id: string) => Promise<void>;
}

const list = (values: string[]) => values.join('; ');

/** The user's entries; a row turns into the form to edit it, with problems shown on it. */
export function EntryTable({ items, onSave, onDelete }: EntryTableProps): JSX.Element {
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div class="table-scroll">
      <table class="entry-table">
        <thead>
          <tr>
            <th scope="col">Name or term</th>
            <th scope="col">Client number</th>
            <th scope="col">Matter</th>
            <th scope="col">Aliases</th>
            <th scope="col">Allowed domains</th>
            <th scope="col">Severity</th>
            <th scope="col">Source</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ id, entry, coveredBy }) =>
            editing === id ? (
              <tr key={id}>
                <td colSpan={8}>
                  <EntryForm
                    idPrefix={`edit-${id}`}
                    initial={fieldsOf(entry)}
                    submitLabel="Save changes"
                    onCancel={() => setEditing(null)}
                    onSubmit={async (fields) => {
                      const errors = await onSave(id, fields);
                      if (!errors) setEditing(null);
                      return errors;
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={id}>
                <th scope="row">{entry.clientName || entry.aliases[0] || '—'}</th>
                <td>{entry.clientNumber}</td>
                <td>{[entry.matterNumber, entry.matterName].filter(Boolean).join(' · ')}</td>
                <td>{list(entry.aliases)}</td>
                <td>{list(entry.allowedDomains)}</td>
                <td>{entry.severity}</td>
                <td>
                  {coveredBy ? (
                    <span class="covered">On the firm list too ({coveredBy}): the firm’s entry applies</span>
                  ) : (
                    'Yours'
                  )}
                </td>
                <td class="nowrap">
                  <button type="button" aria-label={`Edit ${entryLabel(entry)}`} onClick={() => setEditing(id)}>
                    Edit
                  </button>{' '}
                  <button type="button" aria-label={`Delete ${entryLabel(entry)}`} onClick={() => void onDelete(id)}>
                    Delete
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
