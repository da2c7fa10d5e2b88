import type { ComposeSurface, SendIntent } from '../types';
import * as S from './selectors';

/**
 * How a Gmail send is asked for, and how to ask again (docs/sites.md#gmail-send-controls,
 * docs/sites.md#replaying-a-send).
 */

const MOUSE_TYPES = new Set(['pointerdown', 'mousedown', 'mouseup', 'click']);

function targetElement(event: Event): Element | null {
  // composedPath()[0] is the real target even when the event crossed a shadow boundary.
  const first = event.composedPath()[0] ?? event.target;
  if (first instanceof Element) return first;
  return first instanceof Node ? first.parentElement : null;
}

/** The Send (or Send + Archive) button the target is inside, if any, within this compose. */
function sendButtonAt(el: Element, root: HTMLElement): HTMLElement | null {
  // The arrow sits in the same group as Send; its own clicks open a menu and send nothing.
  if (el.closest(S.SEND_OPTIONS_ARROW)) return null;
  const button = el.closest<HTMLElement>(S.SEND_BUTTON) ?? el.closest<HTMLElement>(S.SEND_AND_ARCHIVE);
  return button && root.contains(button) ? button : null;
}

export function sendButtonOf(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>(S.SEND_BUTTON);
}

function isPrimaryPress(event: Event): boolean {
  // Right and middle clicks open menus; they never send.
  return !(event instanceof MouseEvent) || event.button === 0;
}

export function gmailSendIntent(event: Event, surface: ComposeSurface): SendIntent | null {
  const el = targetElement(event);
  if (!el) return null;
  const scheduleItem = el.closest<HTMLElement>(S.SCHEDULE_SEND_ITEM);

  if (event.type === 'keydown' && event instanceof KeyboardEvent) {
    // A key that commits an IME composition is not a send (docs/sites.md#capture-listeners).
    if (event.isComposing || event.keyCode === 229) return null;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (scheduleItem && plain && (event.key === 'Enter' || event.key === ' '))
      return { path: 'schedule', control: scheduleItem };
    if (!surface.root.contains(el)) return null;
    // Ctrl+Enter (Cmd+Enter on a Mac) anywhere in the compose sends (InboxSDK getPresendingStream).
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey)
      return { path: 'shortcut', control: null };
    const button = sendButtonAt(el, surface.root);
    if (button && plain && (event.key === 'Enter' || event.key === ' ')) return { path: 'button', control: button };
    return null;
  }

  if (!MOUSE_TYPES.has(event.type) || !isPrimaryPress(event)) return null;
  if (scheduleItem) return { path: 'schedule', control: scheduleItem };
  const button = sendButtonAt(el, surface.root);
  return button ? { path: 'button', control: button } : null;
}

/**
 * Gmail acts on synthetic mouse events on its buttons: InboxSDK's simulateClick dispatches
 * mousedown, mouseup and click (lib/dom/simulate-mouse-event.ts).
 */
export function simulateClick(el: HTMLElement): void {
  const box = el.getBoundingClientRect();
  const init: MouseEventInit = {
    bubbles: true,
    cancelable: true,
    composed: true,
    button: 0,
    detail: 1,
    view: el.ownerDocument.defaultView,
    clientX: box.left + box.width / 2,
    clientY: box.top + box.height / 2,
  };
  for (const type of ['mousedown', 'mouseup', 'click']) el.dispatchEvent(new MouseEvent(type, init));
}

export function gmailResend(intent: SendIntent, surface: ComposeSurface): void {
  if (intent.path === 'schedule' && intent.control) {
    if (!intent.control.isConnected) {
      // Gmail rebuilt its menu meanwhile: open it again from this compose's arrow, then pick the item.
      const arrow = surface.root.querySelector<HTMLElement>(S.SEND_OPTIONS_ARROW);
      if (arrow) simulateClick(arrow);
      const item = surface.root.ownerDocument.querySelector<HTMLElement>(S.SCHEDULE_SEND_ITEM);
      if (item) simulateClick(item);
      return;
    }
    simulateClick(intent.control);
    return;
  }
  // A shortcut has no control and is released by clicking Send: Gmail may ignore a synthetic
  // key, never a synthetic click. A button Gmail re-rendered meanwhile is looked up again.
  const button = intent.control?.isConnected ? intent.control : sendButtonOf(surface.root);
  if (button) simulateClick(button);
}
