import { byLabel, localizedLabels } from '../labels';

/**
 * Microsoft Teams web DOM knowledge (docs/sites.md#microsoft-teams), one list per question, in priority order.
 * Proven against tests/fixtures/teams by tests/unit/lib/sites/teams. Teams' `data-tid` attributes
 * are its own test hooks.
 */

/** The composer's CKEditor contenteditable (chat, channel post and reply, edit). */
export const EDITOR = [
  'div[contenteditable=true][data-tid="ckeditor"]', // Teams v2 (DLP vendor's Selenium suite on teams.microsoft.com/v2/)
  '[data-tid="ckeditor"][contenteditable=true]', // same hook, any host element
  '.cke_textarea_inline[contenteditable=true]', // classic Teams, CKEditor 4 [src-old]
].join(',');

/** The button that posts a composer; only the first found in a composer counts. */
export const SEND_BUTTON = [
  'button[data-tid="sendMessageCommands-send"]', // text message (Selenium suite)
  'button[data-tid="newMessageCommands-send"]', // with a file; also the edit's Done button (idx scripts)
  'button[aria-label="Send"]', // English label fallback (ctrlEnterSenderA)
  byLabel(localizedLabels('send'), (l) => `button[aria-label=${l}]`), // same fallback in a localized Teams ("Senden", "送信"; lib/sites/labels.ts)
];

/** The edit's Done button shares newMessageCommands-send and carries name="done" (idx). */
export const EDIT_DONE = 'button[name="done"]';

/** Staged attachments above the editor. [guess] Teams lists them as file cards; modelled as `[data-tid="file-attachment-name"]`. */
export const ATTACHMENT_NAME = '[data-tid="file-attachment-name"]';

/**
 * Federated (external) chats. [guess] Teams labels people from other organisations "External"
 * in the chat header; modelled as `[data-tid="chat-header"] [data-tid="external-label"]`.
 * A rendered header without it is taken as an internal chat (inference; see the report).
 */
export const CHAT_HEADER = '[data-tid="chat-header"]';
export const EXTERNAL_MARKER = [
  '[data-tid="chat-header"] [data-tid="external-label"]',
  '[data-tid="chat-header"] [aria-label*="xternal"]',
].join(',');

/** The @-mention suggestion list (ARIA combobox pattern on the editor) [guess]. */
export const PICK_LIST_OPEN = '[data-tid="ckeditor"][aria-expanded=true]';
