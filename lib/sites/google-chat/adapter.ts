import { createChatAdapter, type ChatSite } from '../chat/chat-adapter';
import * as S from './selectors';
import { GOOGLE_CHAT_SITE } from './site';

/**
 * Google Chat (chat.google.com, and its iframes in Gmail) behind the SiteAdapter interface
 * (docs/sites.md#google-chat).
 */
export const GOOGLE_CHAT: ChatSite = {
  ...GOOGLE_CHAT_SITE,
  editor: S.EDITOR,
  sendButtons: S.SEND_BUTTON,
  kindOf: (root) => (root.ownerDocument.defaultView?.top !== root.ownerDocument.defaultView ? 'chat-in-gmail' : 'chat'),
  fileNames: (root) =>
    [...root.querySelectorAll(S.ATTACHMENT)].map((el) => el.getAttribute('data-attachment-name') ?? ''),
  audience(root) {
    const doc = root.ownerDocument;
    if (doc.querySelector(S.EXTERNAL_MARKER)) return 'external';
    return doc.querySelector(S.INTERNAL_MARKER) ? 'internal' : null;
  },
  // The list renders outside the composer (a popup at the end of the page). A listbox in the
  // navigation (the conversation list) is not a pick list: it must not disarm Enter.
  pickListOpen: (editor) =>
    [...editor.ownerDocument.querySelectorAll(S.PICK_LIST_OPEN)].some((option) => !option.closest(S.NOT_A_PICK_LIST)),
};

export const googleChatAdapter = createChatAdapter(GOOGLE_CHAT);
