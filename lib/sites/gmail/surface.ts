import type { ComposeSurface, SurfaceField } from '../types';
import * as S from './selectors';

/** One Gmail compose window (mole, inline reply, full screen or pop-out), rooted at its `div.M9`. */

/** Roughly an address: enough to pick addresses out of half-typed recipient text. */
const ADDRESS = /[^\s<>()[\]",;:]+@[^\s<>()[\]",;:]+\.[^\s<>()[\]",;:]+/g;

export function composeKind(root: HTMLElement): string {
  if (S.KIND.reply.some((s) => root.matches(s))) return 'reply';
  // No body yet at document_start; a pop-out is known once its body is parsed.
  if (root.ownerDocument.body?.matches(S.POPOUT_BODY)) return 'popout';
  if (S.KIND.fullscreen.some((s) => root.matches(s))) return 'fullscreen';
  return 'compose';
}

function valueOf(el: Element): string {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : '';
}

/** Addresses in To, Cc and Bcc: committed chips plus whatever is still typed in the inputs. */
export function recipientsOf(root: HTMLElement): string[] {
  const found = new Set<string>();
  for (const row of root.querySelectorAll(S.RECIPIENT_ROWS)) {
    for (const chip of row.querySelectorAll(S.RECIPIENT_CHIP)) {
      const address = chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email') ?? '';
      if (address.includes('@')) found.add(address.trim().toLowerCase());
    }
    // An address typed but not yet turned into a chip is sent all the same (Gmail commits it on send).
    for (const input of row.querySelectorAll(S.RECIPIENT_INPUT)) {
      for (const address of valueOf(input).match(ADDRESS) ?? []) found.add(address.toLowerCase());
    }
  }
  return [...found];
}

export function createGmailSurface(root: HTMLElement): ComposeSurface {
  return {
    root,
    get kind() {
      // Full screen and back moves the same root; ask each time rather than remember.
      return composeKind(root);
    },
    fields(): SurfaceField[] {
      const fields: SurfaceField[] = [];
      const subject = root.querySelector<HTMLElement>(S.SUBJECT);
      // Inline replies keep the subject input hidden with "Re: …"; it is still sent, so it is scanned.
      if (subject) fields.push({ name: 'subject', element: subject });
      const body = root.querySelector<HTMLElement>(S.BODY);
      if (body) fields.push({ name: 'body', element: body });
      return fields;
    },
    recipients: () => recipientsOf(root),
    attachmentNames: () =>
      [...root.querySelectorAll(S.ATTACHMENT_NAME)].map((el) => (el.textContent ?? '').trim()).filter((n) => n !== ''),
    audience: () => null,
    noticeAnchor(): HTMLElement {
      // A compose without its toolbar (mid-render) still gets its notice, at the end of the root.
      return root.querySelector<HTMLElement>(S.NOTICE_ANCHOR) ?? root;
    },
  };
}
