import { isElement, isNode } from '../../dom/realm';
import type { ComposeSurface, SendIntent } from '../types';
import { sendButtonOf } from './surface';
import * as S from './selectors';
import { nameStartsWith } from '../labels';

/**
 * How an Outlook send is asked for, and how to ask again (docs/sites.md#outlook-send-controls;
 * docs/sites.md#replaying-a-send).
 */

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

/** The "Schedule send" menu item `el` is in, if any: by its accessible name or its text, in any UI language of the label table. */
export function scheduleItemAt(el: Element): HTMLElement | null {
  const item = el.closest<HTMLElement>(S.MENU_ITEM);
  if (!item) return null;
  const name = (item.getAttribute('aria-label') ?? item.textContent ?? '').trim();
  return nameStartsWith(name, S.SCHEDULE_SEND_LABEL_KEY) ? item : null;
}

/**
 * The compose whose send options menu is open. The menu is portalled outside every compose, so
 * the owner is the compose whose arrow says it is expanded; with a single compose open there
 * is no doubt either way (as Gmail's adapter does).
 */
export function composeOfOpenMenu(doc: Document, rootOf: (el: HTMLElement) => HTMLElement | null): HTMLElement | null {
  const arrow = doc.querySelector<HTMLElement>(S.SEND_OPTIONS_OPEN);
  if (arrow) return rootOf(arrow);
  const bodies = doc.querySelectorAll<HTMLElement>(S.BODY);
  return bodies.length === 1 ? rootOf(bodies[0]!) : null;
}

function simulateClick(el: HTMLElement): void {
  // Fluent menus act on click; pointer events first, as a user's press delivers them.
  const init: MouseEventInit = {
    bubbles: true,
    cancelable: true,
    composed: true,
    button: 0,
    view: el.ownerDocument.defaultView,
  };
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.click();
}

export function outlookSendIntent(event: Event, surface: ComposeSurface): SendIntent | null {
  const el = targetElement(event);
  if (!el) return null;
  const scheduleItem = scheduleItemAt(el);
  if (scheduleItem) {
    if (event.type === 'keydown' && event instanceof KeyboardEvent) {
      if (event.isComposing || event.keyCode === 229) return null;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
      return plain && (event.key === 'Enter' || event.key === ' ') ? { path: 'schedule', control: scheduleItem } : null;
    }
    return MOUSE_TYPES.has(event.type) && isPrimaryPress(event) ? { path: 'schedule', control: scheduleItem } : null;
  }
  if (!surface.root.contains(el)) return null;
  const button = sendButtonOf(surface.root);
  const onButton = button !== null && button.contains(el);

  if (event.type === 'keydown' && event instanceof KeyboardEvent) {
    // A key that commits an IME composition is not a send (docs/sites.md#capture-listeners).
    if (event.isComposing || event.keyCode === 229) return null;
    // Ctrl+Enter, and Cmd+Enter on a Mac, anywhere in the compose (OutlookSendingSafety).
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey)
      return { path: 'shortcut', control: null };
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
  if (intent.path === 'schedule') {
    if (intent.control?.isConnected) {
      simulateClick(intent.control);
      return;
    }
    // The menu closed meanwhile (Fluent closes it on focus loss): open it again from this
    // compose's arrow, then pick the item. No arrow or no item: nothing is sent, never Send.
    const arrow = surface.root.querySelector<HTMLElement>(S.SEND_OPTIONS_BUTTON);
    if (!arrow) return;
    if (arrow.getAttribute('aria-expanded') !== 'true') simulateClick(arrow);
    const item = [...surface.root.ownerDocument.querySelectorAll<HTMLElement>(S.MENU_ITEM)].find(
      (i) => scheduleItemAt(i) === i,
    );
    if (item) simulateClick(item);
    return;
  }
  const button = intent.control?.isConnected ? intent.control : sendButtonOf(surface.root);
  if (button) {
    button.click();
    return;
  }
  const body = surface.root.querySelector<HTMLElement>(S.BODY) ?? surface.root;
  body.dispatchEvent(
    new KeyboardEvent('keydown', {
      key: 'Enter',
      code: 'Enter',
      ctrlKey: true,
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
}
