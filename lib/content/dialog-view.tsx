import { render } from 'preact';
import dialogCss from '@/components/GateDialog/gate-dialog.css?inline';
import { GateDialog, type GateDialogProps, type OverrideChoice } from '@/components/GateDialog/gate-dialog';
import type { GateAnswer } from '../verdict/decide';
import type { OwnUi } from '../guard/own-ui';
import type { UiHost } from '../guard/types';
import { failureText } from '../guard/retry';

export type DialogModel = Omit<GateDialogProps, 'busy' | 'error' | 'onGoBack' | 'onOverride'> & {
  error?: string | null;
};

/**
 * Shows the gate dialog until the user answers. "Send anyway" first runs `onOverride` (the log
 * write) with the dialog busy; only when it resolves does the dialog close with 'override'. If
 * it fails, the dialog stays with the error, so the user can try again or go back.
 */
export async function askUser(
  ui: UiHost,
  own: OwnUi,
  model: DialogModel,
  onOverride: (choice: OverrideChoice) => Promise<void>,
  signal: AbortSignal,
  /** Called the moment the user answers, before the promise settles (lets the guard track what follows). */
  onAnswered: () => void = () => undefined,
): Promise<GateAnswer> {
  const mount = await ui.modal(dialogCss);
  own.add(mount.host);
  return new Promise<GateAnswer>((resolve) => {
    let busy = false;
    let error = model.error ?? null;
    const close = (answer: GateAnswer): void => {
      signal.removeEventListener('abort', onAbort);
      render(null, mount.container);
      mount.remove();
      onAnswered();
      resolve(answer);
    };
    const onAbort = (): void => close('go-back');
    const draw = (): void =>
      render(
        <GateDialog
          {...model}
          busy={busy}
          error={error}
          onGoBack={() => close('go-back')}
          onOverride={(choice) => {
            busy = true;
            error = null;
            draw();
            onOverride(choice).then(
              () => close('override'),
              (failure: unknown) => {
                busy = false;
                error = `${failureText(failure)} Nothing was sent. Try again, or go back.`;
                draw();
              },
            );
          }}
        />,
        mount.container,
      );
    signal.addEventListener('abort', onAbort, { once: true });
    draw();
  });
}
