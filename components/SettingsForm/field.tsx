import type { ComponentChildren, JSX } from 'preact';
import type { Policy, PolicyKey } from '@/lib/policy/types';
import type { DraftErrors, Drafts } from './drafts';

/** What every section of the form gets. */
export interface SectionProps {
  drafts: Drafts;
  set: (change: Partial<Drafts>) => void;
  /** The firm set or locks this key: shown, not editable. */
  locked: (key: PolicyKey) => boolean;
  /** Why the key is locked or limited (access.ts), null when it is the user's to set. */
  note: (key: PolicyKey) => string | null;
  /** The problem to show on a key (none on a locked key: the user cannot fix it). */
  error: (key: PolicyKey) => string | null;
  /** Whether this value may be chosen (not on a locked key; never weaker than the floor). */
  allowed: <K extends PolicyKey>(key: K, value: Policy[K]) => boolean;
  /** Whether a collector token is saved (it is never shown). */
  tokenSet: boolean;
}

/** The line saying why a key is locked or limited ("Set by your firm"). */
export function Locked({ id, text }: { id: string; text: string }): JSX.Element {
  return (
    <p class="locked" id={id}>
      {text}
    </p>
  );
}

/** The ids describing a control: its hint, its lock note, then its error. */
export function describedBy(id: string, hint: boolean, note: boolean, error: string | null): string | undefined {
  return (
    [hint ? `${id}-hint` : '', note ? `${id}-locked` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  note: string | null;
  error: string | null;
  children: ComponentChildren;
}

/** A labelled control with its hint, why it is locked or limited, and its error. */
export function Field({ id, label, hint, note, error, children }: FieldProps): JSX.Element {
  return (
    <div class="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {note ? <Locked id={`${id}-locked`} text={note} /> : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const errorsOf = (errors: DraftErrors, locked: (key: PolicyKey) => boolean) => (key: PolicyKey) =>
  locked(key) ? null : (errors[key] ?? null);
