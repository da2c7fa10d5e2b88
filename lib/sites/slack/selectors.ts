import { byLabel, localizedLabels } from '../labels';

/**
 * Every piece of Slack web DOM knowledge Matterguard relies on (docs/sites.md#slack), one list per
 * question, in priority order. Proven against tests/fixtures/slack by tests/unit/lib/sites/slack.
 * Slack's `data-qa` attributes are its own test hooks: stabler than its class names.
 */

/** The Quill editor of a composer: channel, thread or edit (never the paste trap .ql-clipboard). */
export const EDITOR = [
  '[data-qa="message_input"] .ql-editor[contenteditable=true]', // current Slack (grAImmer site profiles; many automation scripts)
  '.c-texty_input .ql-editor[contenteditable=true]', // legacy wrapper (ctrlEnterSenderA) [src-old]
  '[data-qa="message_editor"] .ql-editor[contenteditable=true]', // message edit composer wrapper (ctrlEnterSenderA)
].join(',');

/** The Send button of a composer (clones of Slack's markup; ctrlEnterSenderA triggerSend). */
export const SEND_BUTTON = [
  'button[data-qa="texty_send_button"]', // current Slack
  'button.c-texty_input__button--send', // same button by class
  'button[aria-label="Send message"]', // by its English label
  byLabel(localizedLabels('sendMessage'), (l) => `button[aria-label=${l}]`), // by its label in a localized Slack ("Nachricht senden", "メッセージを送信"; lib/sites/labels.ts)
];

/** An edit composer: Enter or Save stores the edited message (ctrlEnterSenderA's message_editor). */
export const EDIT_COMPOSER = '[data-qa="message_editor"]';
/** The edit composer's Save button. [guess] Slack's data-qa naming; confirm on live Slack. */
export const EDIT_SAVE_BUTTON = [
  'button[data-qa="wysiwyg_edit_save_button"]', // edit composer, any language [guess]
  'button[aria-label="Save"]', // by its English label
  byLabel(localizedLabels('save'), (l) => `button[aria-label=${l}]`), // localized Slack ("Speichern", "保存"; lib/sites/labels.ts)
];

/** The thread side pane: its composer is a thread reply (docs/sites.md#slack-composer). */
export const THREAD_PANE = '[data-qa="threads_flexpane"]';

/**
 * Names of files staged in a composer before sending. [guess] Slack shows staged uploads as
 * tiles above the editor; modelled as `[data-qa="upload_file_name"]`, confirm on live Slack.
 * Chosen files are also read from the composer's own input[type=file] (docs/sites.md#slack-files).
 */
export const STAGED_FILE_NAME = '[data-qa="upload_file_name"]';
export const FILE_INPUT = 'input[type=file]';

/**
 * The conversation's audience, from the channel header. [guess] Slack marks Slack Connect
 * channels (shared with other organisations) with a "shared channel" icon and an "External"
 * label in the header; workspace-only channels show a hash or lock icon instead. Modelled as
 * the data-qa hooks below; confirm both on a live workspace before relying on them.
 */
export const EXTERNAL_MARKER = [
  '[data-qa="channel_header"] [data-qa="shared_channel_icon"]',
  '[data-qa="channel_header"] [aria-label*="xternal"]', // "External" / "external organisations"
].join(',');
export const INTERNAL_MARKER = '[data-qa="channel_header"] [data-qa="channel_type_icon"]';

/**
 * An open @-mention / emoji pick list: Enter picks an entry, it does not send. Always scoped to
 * one composer, since a thread and the channel composer can each have a list open.
 * - EDITOR_LIST_OPEN: the ARIA combobox pattern on the composer's own editor [guess].
 * - PICK_LIST: the list itself, Slack's autocomplete menu class (idx clones) [guess] or any
 *   listbox; found through the editor's aria-controls / aria-owns / aria-activedescendant
 *   (the ARIA tie a portalled popup keeps) [guess], or inside the composer's root (how the
 *   fixture renders it) [guess].
 */
export const EDITOR_LIST_OPEN = '.ql-editor[aria-expanded=true]';
export const PICK_LIST = '.c-texty_autocomplete';
export const TIED_PICK_LIST = [PICK_LIST, '[role=listbox]'].join(',');
