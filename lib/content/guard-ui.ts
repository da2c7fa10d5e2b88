import type { GuardUi } from '@/lib/guard';
import { askUser } from './dialog-view';
import { createNoticeView } from './notice-view';
import type { UiHost } from './types';

/** The guard's views (the notice and the gate dialog) in the shadow roots `host` makes. */
export function createGuardUi(host: UiHost): GuardUi {
  return {
    notice: (surface, own) => createNoticeView(host, own, surface),
    ask: (question, own, onOverride, signal, onAnswered) =>
      askUser(host, own, question, onOverride, signal, onAnswered),
  };
}
