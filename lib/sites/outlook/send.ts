import { isElement, isNode } from '../../guard/realm';
import type { ComposeSurface, SendIntent } from '../types';
import { sendButtonOf } from './surface';
import * as S from './selectors';

/** How an Outlook send is asked for, and how to ask again (SITES 2.2 "Send", "Keyboard"; 3.2). */

const MOUSE_TYPES = new Set(['pointerdown', 'mousedown', 'mouseup', 'click']);

function targetElement(event: Event): Element | null {
  // composedPath()[0] is the real target even when the event crossed a shadow boundary.
  const first = event.composedPath()[0] ?? event.target;
  if (isElement(first)) return first;
  return isNode(first) ? first.parentElement : null;
}

function isPrimaryPress(event: Event): boolean {
  return !(event instanceof MouseEvent) || event.button === 0;
}

export function outlookSendIntent(event: Event, surface: ComposeSurface): SendIntent | null {
  const el = targetElement(event);
  if (!el || !surface.root.contains(el)) return null;
  const button = sendButtonOf(surface.root);
  const onButton = button !== null && button.contains(el);

  if (event.type === 'keydown' && event instanceof KeyboardEvent) {
    // A key that commits an IME composition is not a send (SITES 3.2).
    if (event.isComposing || event.keyCode === 229) return null;
    // Ctrl+Enter, and Cmd+Enter on a Mac, anywhere in the compose (OutlookSendingSafety).
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) return { path: 'shortcut', control: null };
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (onButton && plain && (event.key === 'Enter' || event.key === ' ')) return { path: 'button', control: button };
    return null;
  }
  if (!MOUSE_TYPES.has(event.type) || !isPrimaryPress(event)) return null;
  return onButton ? { path: 'button', control: button } : null;
}

/**
 * Outlook acts on `button.click()` (Micro-Pause outlookSendTrigger). A shortcut is released
 * the same way; only a compose whose Send we cannot find gets the key again, untrusted.
 */
export function outlookResend(intent: SendIntent, surface: ComposeSurface): void {
  const button = intent.control?.isConnected ? intent.control : sendButtonOf(surface.root);
  if (button) {
    button.click();
    return;
  }
  const body = surface.root.querySelector<HTMLElement>(S.BODY) ?? surface.root;
  body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true, composed: true }));
}
