import type { ComposeSurface, SurfaceField } from '../types';
import * as S from './selectors';

/**
 * One Outlook compose: a new message or inline reply in the reading pane, or the pop-out
 * window's form. Outlook has no stable class on the compose itself, so the root is found
 * from the body as Micro-Pause does: the nearest ancestor that also holds a Send button.
 */

/** Roughly an address: enough to pick addresses out of half-typed recipient text. */
const ADDRESS = /[^\s<>()[\]",;:]+@[^\s<>()[\]",;:]+\.[^\s<>()[\]",;:]+/g;

export function sendButtonOf(root: ParentNode): HTMLElement | null {
  for (const selector of S.SEND_BUTTON) {
    const button = root.querySelector<HTMLElement>(selector);
    if (button) return button;
  }
  return null;
}

/** Labelled wells only (any language in the label table): the structural fallback would match any one-line editable. */
const LABELLED_WELL = S.RECIPIENT_WELL_LABELLED;

/**
 * The compose root of a body. Climbs while the ancestor holds no other compose's body; takes
 * the first that holds a Send button, else (a layout whose Send we do not know) the first
 * that holds a recipient well or subject, so the compose is still guarded and reported.
 */
export function rootOfBody(body: HTMLElement): HTMLElement {
  const form = body.closest<HTMLElement>(S.POPOUT_FORM);
  if (form) return form;
  let fallback: HTMLElement | null = null;
  const top = body.ownerDocument.body;
  for (let a = body.parentElement; a && a !== top; a = a.parentElement) {
    if (a.querySelectorAll(S.BODY).length > 1) break;
    if (sendButtonOf(a)) return a;
    if (!fallback && a.querySelector(`${LABELLED_WELL},${S.SUBJECT}`)) fallback = a;
  }
  return fallback ?? body.parentElement ?? body;
}

export function composeKind(root: HTMLElement): string {
  // The pop-out is an about:blank window written by its opener (docs/sites.md#outlook-pop-out-window).
  if (root.matches(S.POPOUT_FORM) || root.ownerDocument.URL === 'about:blank') return 'popout';
  // Inline replies in the reading pane have no subject line; a new message has one.
  return root.querySelector(S.SUBJECT) ? 'compose' : 'reply';
}

/**
 * What is typed in a well outside its chips, one text node per word: chip labels run into
 * their neighbours in textContent (a name, a remove button's "×").
 */
function typedText(well: HTMLElement): string {
  const parts: string[] = [];
  const walker = well.ownerDocument.createTreeWalker(well, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const chip = n.parentElement?.closest(`${S.RECIPIENT_CHIP},[contenteditable=false]`);
    if (!chip || !well.contains(chip)) parts.push(n.nodeValue ?? '');
  }
  return parts.join(' ');
}

/** Addresses in To, Cc and Bcc: chip titles plus addresses still typed in the wells. */
export function recipientsOf(root: HTMLElement): string[] {
  const found = new Set<string>();
  for (const well of root.querySelectorAll<HTMLElement>(S.RECIPIENT_WELL)) {
    if (well.closest(S.BODY)) continue;
    for (const chip of well.querySelectorAll(S.RECIPIENT_CHIP)) {
      for (const address of (chip.getAttribute('title') ?? '').match(ADDRESS) ?? []) found.add(address.toLowerCase());
    }
    for (const address of typedText(well).match(ADDRESS) ?? []) found.add(address.toLowerCase());
  }
  return [...found];
}

function attachmentName(el: Element): string {
  return (el.getAttribute('title') ?? el.textContent ?? '').trim();
}

export function createOutlookSurface(root: HTMLElement): ComposeSurface {
  const body = (): HTMLElement | null => root.querySelector<HTMLElement>(S.BODY);
  return {
    root,
    get kind() {
      return composeKind(root);
    },
    fields(): SurfaceField[] {
      const fields: SurfaceField[] = [];
      const subject = root.querySelector<HTMLElement>(S.SUBJECT);
      if (subject) fields.push({ name: 'subject', element: subject });
      // RoosterJS replaces blocks freely: resolve the body on every call (grAImmer).
      const editor = body();
      if (editor) fields.push({ name: 'body', element: editor });
      return fields;
    },
    recipients: () => recipientsOf(root),
    attachmentNames: () =>
      [...new Set([...root.querySelectorAll(S.ATTACHMENT_ITEM)].map(attachmentName))].filter((n) => n !== ''),
    audience: () => null,
    // Just above the body: below the recipients and subject, where the writer looks.
    noticeAnchor: () => body() ?? root,
    // A Send we cannot find cannot be gated by click (Ctrl+Enter still is): say so.
    problems: () => (sendButtonOf(root) ? [] : ['send button not found']),
  };
}
