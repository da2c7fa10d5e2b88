import type { ComponentChildren, JSX } from 'preact';
import type { PolicyKey } from '@/lib/policy/types';
import type { DraftErrors, Drafts } from './drafts';

/** What every section of the form gets. */
export interface SectionProps {
  drafts: Drafts;
  set: (change: Partial<Drafts>) => void;
  locked: (key: PolicyKey) => boolean;
  /** The problem to show on a key (none on a locked key: the user cannot fix it). */
  error: (key: PolicyKey) => string | null;
}

export function Locked({ id }: { id: string }): JSX.Element {
  return (
    <p class="locked" id={id}>
      Set by your firm
    </p>
  );
}

/** The ids describing a control: its hint, then the lock or the error, whichever shows. */
export function describedBy(id: string, hint: boolean, locked: boolean, error: string | null): string | undefined {
  return (
    [hint ? `${id}-hint` : '', locked ? `${id}-locked` : error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  locked: boolean;
  error: string | null;
  children: ComponentChildren;
}

/** A labelled control with its hint, its lock ("Set by your firm") or its error. */
export function Field({ id, label, hint, locked, error, children }: FieldProps): JSX.Element {
  return (
    <div class="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {locked ? <Locked id={`${id}-locked`} /> : null}
      {error && !locked ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const errorsOf = (errors: DraftErrors, locked: (key: PolicyKey) => boolean) => (key: PolicyKey) =>
  locked(key) ? null : (errors[key] ?? null);
