import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { canOverride } from '@/lib/verdict/decide';
import { placeWords } from '@/lib/verdict/summary';
import { levelLabel } from '@/lib/log/format';
import type { GateQuestion, OverrideChoice } from '@/lib/verdict/question';

export interface GateDialogProps extends GateQuestion {
  /** The override is being logged; nothing can be pressed meanwhile. */
  busy: boolean;
  onGoBack(): void;
  onOverride(choice: OverrideChoice): void;
}

const INTRO: Record<GateDialogProps['variant'], string> = {
  ask: 'This message mentions a watched client or matter. Go back to change it, or give a reason to send it anyway.',
  refuse:
    'Your firm does not allow sending this message: it mentions a client or matter that must not go to these recipients.',
  error: 'Matterguard could not check this message, so it has not been sent. Go back and try again in a moment.',
};

/**
 * The send gate (docs/design.md#send-gate). Only the user's own input counts: a synthetic event from a page or
 * another extension (`isTrusted` false) presses nothing here.
 */
export function GateDialog(props: GateDialogProps): JSX.Element {
  const { variant, items, reasons, busy } = props;
  const [reasonCode, setReasonCode] = useState('');
  const [details, setDetails] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const goBack = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Go back is the default (docs/design.md#send-gate): a stray Enter keeps the message.
    goBack.current?.focus();
  }, []);

  const allowed = variant === 'ask' && !busy && canOverride({ reasonCode, acknowledged, details });
  const back = (e: Event): void => {
    if (e.isTrusted && !busy) props.onGoBack();
  };
  const override = (e: Event): void => {
    if (!e.isTrusted || !allowed) return;
    const label = reasons.find((r) => r.code === reasonCode)?.label ?? reasonCode;
    props.onOverride({ reasonCode, reasonLabel: label, details: details.trim() });
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      back(e);
    } else if (e.key === 'Tab') {
      trapFocus(e, dialog.current);
    }
  };

  return (
    // Keys are handled on the backdrop too: a click beside the dialog must not make Esc deaf.
    <div class="backdrop" tabIndex={-1} onKeyDown={onKeyDown}>
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="mg-title"
        aria-describedby="mg-intro"
        class={`dialog ${props.level ? `level-${props.level}` : ''}`}
      >
        <h2 id="mg-title">{props.title}</h2>
        <p id="mg-intro" class="intro">
          {props.level && variant !== 'error' ? <span class="badge">{levelLabel(props.level)}</span> : null}{' '}
          {INTRO[variant]}
        </p>
        {items.length > 0 ? (
          <ul class="items" aria-label="What matched">
            {items.map((item) => (
              <li key={`${item.level}|${item.target}|${item.reason}`} class={`level-${item.level}`}>
                <strong>{item.target}</strong> · {item.reason}
                <span class="words">
                  {' · '}
                  {item.words.map((w) => `“${w}”`).join(', ')}
                  {placeWords(item)}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {variant === 'ask' ? (
          <div class="form">
            <label for="mg-reason">Reason</label>
            <select
              id="mg-reason"
              value={reasonCode}
              disabled={busy}
              onChange={(e) => setReasonCode(e.currentTarget.value)}
            >
              <option value="">Choose a reason…</option>
              {reasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
            <label for="mg-details">Details{reasonCode === 'other' ? ' (required)' : ' (optional)'}</label>
            <textarea
              id="mg-details"
              rows={2}
              maxLength={2_000}
              value={details}
              disabled={busy}
              onInput={(e) => setDetails(e.currentTarget.value)}
            />
            <label class="ack">
              <input
                type="checkbox"
                checked={acknowledged}
                disabled={busy}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              />
              <span>
                I understand this message names a client or matter these recipients may not be entitled to see, and my
                decision is logged.
              </span>
            </label>
          </div>
        ) : null}
        {props.error ? (
          <p role="alert" class="error">
            {props.error}
          </p>
        ) : null}
        <div class="buttons">
          <button ref={goBack} type="button" class="primary" disabled={busy} onClick={back}>
            Go back
          </button>
          {variant === 'ask' ? (
            <button type="button" class="override" disabled={!allowed} onClick={override}>
              {busy ? 'Logging…' : props.overrideLabel}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** Keeps Tab inside the dialog (it is modal: the page behind must not take focus). */
function trapFocus(e: KeyboardEvent, dialog: HTMLElement | null): void {
  if (!dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, select, textarea, input')].filter(
    (el) => !(el as HTMLButtonElement).disabled,
  );
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  // In a shadow root the focused element is the root's activeElement, not the document's.
  const root = dialog.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  if (e.shiftKey && active === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}
