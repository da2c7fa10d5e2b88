import { byLabel, localizedLabels } from '../labels';

/**
 * Every piece of Outlook on the web DOM knowledge Matterguard relies on, one list per question,
 * in priority order (CONTRIBUTING.md#selectors). Sources and dates: docs/sites.md#outlook-on-the-web. Each list
 * is proven against tests/fixtures/outlook by tests/unit/lib/sites/outlook.
 *
 * Outlook's aria-labels are localized: the English labels come first, then the same labels in
 * the other UI languages of lib/sites/labels.ts, then structural fallbacks that do not depend on
 * the language.
 */

/** The pop-out compose window's form (Briskine outlook.js, 2023-03 to 2026-03). */
export const POPOUT_FORM = '[data-app-section="Form_Content"]';

/** The message body editor (RoosterJS). */
export const BODY = [
  'div[role=textbox][aria-label="Message body"][contenteditable=true]', // new Outlook (QShield, Micro-Pause, Playwright getByRole)
  '[aria-label="Message body"][contenteditable=true]', // same label on a non-div host (Micro-Pause)
  byLabel(localizedLabels('messageBody'), (l) => `[aria-label=${l}][contenteditable=true]`), // new Outlook in de, fr, es, it, nl, pt, ja ("Nachrichtentext", "メッセージ本文")
  'div[contenteditable=true][aria-multiline=true]', // any locale: the only multi-line editable (grAImmer; Briskine's recipient exclusion)
].join(',');

/** The subject line: absent from inline replies, which keep the thread's subject. */
export const SUBJECT = [
  'input[aria-label="Add a subject"]', // new Outlook (Micro-Pause, QShield; toggl outlook.js older UI)
  byLabel(localizedLabels('addSubject'), (l) => `input[aria-label=${l}]`), // localized new Outlook ("Betreff hinzufügen", "件名を追加")
  'input[type=text][autocomplete=off][maxlength]', // any locale: Briskine takes the text input of the form [structural]
].join(',');

/**
 * The To/Cc/Bcc wells: contenteditable divs, not inputs (Playwright OutlookProvider, Micro-Pause),
 * known by their label: English first ("To", "Cc", "Bcc"), then localized ("An", "宛先", "CC"…).
 */
export const RECIPIENT_WELL_LABELLED = [
  '[contenteditable=true][aria-label="To"]', // new Outlook, exact label (Playwright, Micro-Pause)
  '[contenteditable=true][aria-label="Cc"]',
  '[contenteditable=true][aria-label="Bcc"]',
  byLabel(localizedLabels('to', 'cc', 'bcc'), (l) => `[contenteditable=true][aria-label=${l}]`), // localized new Outlook
].join(',');
/** Any well: labelled, or by structure in a layout whose labels we do not know. */
export const RECIPIENT_WELL = [
  RECIPIENT_WELL_LABELLED,
  '[contenteditable=true]:not([aria-multiline=true])', // any locale: Briskine's To, Cc, Bcc order (2026-03)
].join(',');

/** A resolved recipient chip in a well; its `title` carries the address (Micro-Pause `[title*='@']`). */
export const RECIPIENT_CHIP = [
  '[title*="@"]', // new Outlook chips (Micro-Pause)
  'span[data-lpc-hover-target]', // older Fabric wells (idx, 2019-era) [src-old]
].join(',');

/** Attachment tiles under the recipients; the file name is the tile's `title` or its text. */
export const ATTACHMENT_ITEM = [
  '[role=listbox][aria-label*="ttachment"] [role=option]', // [guess] the attachment well, after Micro-Pause's aria-label*='ttachment'
  '[class*="attachmentItem"]', // Micro-Pause heuristic (class-name fragment)
].join(',');

/**
 * The Send button, most specific first. Only the first match in a compose counts: the Fluent
 * split-button hook alone would also match other split buttons, so it is a late fallback.
 */
export const SEND_BUTTON = [
  'button[aria-label="Send"]', // new Outlook (Micro-Pause; lucasjellema/outlook-addin)
  '[role=button][aria-label="Send"]', // same, non-button host (Micro-Pause)
  byLabel(localizedLabels('send'), (l) => `button[aria-label=${l}],[role=button][aria-label=${l}]`), // localized new Outlook ("Senden", "送信")
  'button[name="Send"]', // old Fabric command bar (toggl) [src-old]
  'button[data-testid="ComposeSendButton"]', // one hobby project [idx, low confidence]
  'button.fui-SplitButton__primaryActionButton', // Fluent v9 split button, any locale (OutlookSendingSafety 2025-02)
];

/**
 * The arrow half of the Send split button, which opens the send options menu. Fluent v9 names
 * the half `fui-SplitButton__menuButton` and its menu trigger sets aria-haspopup and, while the
 * menu shows, aria-expanded=true (Fluent v9 MenuTrigger). That Outlook's Send uses it: [guess],
 * after OutlookSendingSafety's primaryActionButton (no source in docs/sites.md#outlook-send-controls shows the menu).
 */
export const SEND_OPTIONS_BUTTON = '.fui-SplitButton__menuButton[aria-haspopup]';
export const SEND_OPTIONS_OPEN = '.fui-SplitButton__menuButton[aria-haspopup][aria-expanded=true]';

/**
 * "Schedule send" in that menu. Fluent portals menus to the end of <body>, outside the compose
 * [guess]. The item has no structural hook we know of: it is known by its name, which starts
 * with one of these, in any case ("Schedule send", "Senden planen", "送信日時を指定"…; the
 * strings and their confidence are in lib/sites/labels.ts).
 */
export const MENU_ITEM = '[role=menu] [role=menuitem]';
export const SCHEDULE_SEND_LABEL_KEY = 'scheduleSend' as const;
