import type { ComposeSurface, SendIntent } from '../types';
import { all, closest, type ShareProfile } from './profile';

/**
 * How a share is asked for in a dialog, and how to ask again (docs/sites.md#share-send-controls,
 * docs/sites.md#replaying-a-send).
 */

const MOUSE_TYPES = new Set(['pointerdown', 'mousedown', 'mouseup', 'click']);

function targetElement(event: Event): Element | null {
  // composedPath()[0] is the real target even when the event crossed a shadow boundary.
  const first = event.composedPath()[0] ?? event.target;
  if (first instanceof Element) return first;
  return first instanceof Node ? first.parentElement : null;
}

/** A button's accessible name as the sites set it: aria-label, else its visible text. */
export function buttonName(el: Element): string {
  const label = el.getAttribute('aria-label') ?? (el instanceof HTMLInputElement ? el.value : el.textContent) ?? '';
  return label.replace(/\s+/g, ' ').trim();
}

function isShareButton(el: Element, profile: ShareProfile): boolean {
  return (
    profile.shareNames.test(buttonName(el)) &&
    el.getAttribute('aria-disabled') !== 'true' &&
    !el.hasAttribute('disabled')
  );
}

/** The dialog's first share button (Send, Share, Invite, Copy link), enabled or not. */
export function findShareButton(root: HTMLElement, profile: ShareProfile): HTMLElement | null {
  return all(root, profile.button).find((b) => profile.shareNames.test(buttonName(b))) ?? null;
}

export function shareSendIntent(event: Event, surface: ComposeSurface, profile: ShareProfile): SendIntent | null {
  if (surface.kind !== 'share') return null;
  const el = targetElement(event);
  const button = el ? closest(el, profile.button) : null;
  if (!button || !surface.root.contains(button) || !isShareButton(button, profile)) return null;
  if (event.type === 'keydown' && event instanceof KeyboardEvent) {
    // A key that commits an IME composition is not a share. Enter in the people input is
    // never here: it commits a chip, and only a focused share button shares by key.
    if (event.isComposing || event.keyCode === 229) return null;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    return plain && (event.key === 'Enter' || event.key === ' ') ? { path: 'button', control: button } : null;
  }
  if (!MOUSE_TYPES.has(event.type)) return null;
  // Right and middle clicks open menus; they never share.
  if (event instanceof MouseEvent && event.button !== 0) return null;
  return { path: 'button', control: button };
}

/** The whole press as a page sees a click (InboxSDK simulateClick, docs/sites.md#replaying-a-send). */
function simulateClick(el: HTMLElement): void {
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
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
    const Ctor = type.startsWith('pointer') && typeof PointerEvent === 'function' ? PointerEvent : MouseEvent;
    el.dispatchEvent(new Ctor(type, init));
  }
  el.dispatchEvent(new MouseEvent('click', init));
}

export function shareResend(intent: SendIntent, surface: ComposeSurface, profile: ShareProfile): void {
  // A button the site re-rendered meanwhile is looked up again by name.
  const button = intent.control?.isConnected ? intent.control : findShareButton(surface.root, profile);
  if (button) simulateClick(button);
}
