import { createChatAdapter, type ChatSite } from '../chat/chat-adapter';
import * as S from './selectors';
import { SLACK_SITE } from './site';

/** Slack web (app.slack.com) behind the SiteAdapter interface (docs/sites.md#slack). */

function chosenFiles(root: HTMLElement): string[] {
  const names: string[] = [];
  for (const input of root.querySelectorAll(S.FILE_INPUT)) {
    const files = (input as HTMLInputElement).files;
    for (const file of files ?? []) names.push(file.name);
  }
  return names;
}

/** A pick list the editor points at by id: the tie survives the list being portalled to the body. */
function tiedListOpen(editor: HTMLElement): boolean {
  const doc = editor.ownerDocument;
  for (const attr of ['aria-controls', 'aria-owns', 'aria-activedescendant']) {
    for (const id of (editor.getAttribute(attr) ?? '').split(/\s+/)) {
      const target = id ? doc.getElementById(id) : null;
      if (!target || target.hidden) continue;
      // aria-activedescendant names an option; the others name the list.
      if (target.closest(S.TIED_PICK_LIST)) return true;
    }
  }
  return false;
}

export const SLACK: ChatSite = {
  ...SLACK_SITE,
  editor: S.EDITOR,
  // An edit composer's Save posts the edited text: it is that composer's send.
  sendButtons: [...S.SEND_BUTTON, ...S.EDIT_SAVE_BUTTON],
  kindOf(root) {
    if (root.closest(S.EDIT_COMPOSER) || root.querySelector(S.EDIT_COMPOSER)) return 'edit';
    return root.closest(S.THREAD_PANE) ? 'thread' : 'channel';
  },
  fileNames: (root) => [
    ...[...root.querySelectorAll(S.STAGED_FILE_NAME)].map((el) => el.getAttribute('title') ?? el.textContent ?? ''),
    ...chosenFiles(root),
  ],
  audience(root) {
    const doc = root.ownerDocument;
    if (doc.querySelector(S.EXTERNAL_MARKER)) return 'external';
    return doc.querySelector(S.INTERNAL_MARKER) ? 'internal' : null;
  },
  pickListOpen: (editor, root) =>
    editor.matches(S.EDITOR_LIST_OPEN) || tiedListOpen(editor) || root.querySelector(S.PICK_LIST) !== null,
};

export const slackAdapter = createChatAdapter(SLACK);
