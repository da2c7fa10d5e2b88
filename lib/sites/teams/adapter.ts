import { createChatAdapter, type ChatSite, sendButtonIn } from '../chat/chat-adapter';
import * as S from './selectors';
import { TEAMS_SITE } from './site';

/**
 * Microsoft Teams web (teams.microsoft.com, teams.cloud.microsoft) behind the SiteAdapter interface
 * (docs/sites.md#microsoft-teams).
 */
export const TEAMS: ChatSite = {
  ...TEAMS_SITE,
  editor: S.EDITOR,
  sendButtons: S.SEND_BUTTON,
  kindOf: (root) => (sendButtonIn(TEAMS, root)?.matches(S.EDIT_DONE) ? 'edit' : 'chat'),
  fileNames: (root) =>
    [...root.querySelectorAll(S.ATTACHMENT_NAME)].map((el) => el.getAttribute('title') ?? el.textContent ?? ''),
  audience(root) {
    const doc = root.ownerDocument;
    if (doc.querySelector(S.EXTERNAL_MARKER)) return 'external';
    return doc.querySelector(S.CHAT_HEADER) ? 'internal' : null;
  },
  pickListOpen: (editor) => editor.matches(S.PICK_LIST_OPEN),
};

export const teamsAdapter = createChatAdapter(TEAMS);
