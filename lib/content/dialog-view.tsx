import { render } from 'preact';
import dialogCss from '@/components/GateDialog/gate-dialog.css?inline';
import { GateDialog } from '@/components/GateDialog/gate-dialog';
import type { GateAnswer } from '../verdict/decide';
import type { GateQuestion, OverrideChoice } from '../verdict/question';
import type { OwnUi } from '../guard/own-ui';
import { failureText } from '../guard/retry';
import type { UiHost } from './types';

/** The gate dialog in a modal shadow root, until the user answers (GuardUi.ask). */
export async function askUser(
  ui: UiHost,
  own: OwnUi,
  model: GateQuestion,
  onOverride: (choice: OverrideChoice) => Promise<void>,
  signal: AbortSignal,
  /** Called the moment the user answers, before the promise settles (lets the guard track what follows). */
  onAnswered: () => void,
): Promise<GateAnswer> {
  const mount = await ui.modal(dialogCss);
  own.add(mount.host);
  return new Promise<GateAnswer>((resolve) => {
    let busy = false;
    let error = model.error;
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
