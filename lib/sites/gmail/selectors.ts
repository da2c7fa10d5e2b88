/**
 * Every piece of Gmail DOM knowledge Matterguard relies on, one list per question, in priority
 * order (CONTRIBUTING.md#selectors). Sources and dates: docs/sites.md#gmail. Each list is proven
 * against tests/fixtures/gmail by tests/unit/lib/sites/gmail.
 */

/** The root of one compose, whatever its window (docs/sites.md#gmail-compose-windows). */
export const COMPOSE_ROOT = [
  'div.M9', // inline reply, pop-up mole, full screen and pop-out alike (gmail.js, Briskine 2026-01)
].join(',');

/** Where a root lives tells what kind of compose it is (logged as `surface`). */
export const KIND = {
  /** Inline reply under a message: `.ip` gains class `adB` when the reply opens (InboxSDK gmail-message-view.ts). */
  reply: ['.ip.adB > .M9', '.AO .M9' /* gmail.js is_inline(): closest(".AO") */],
  /** Full-screen compose overlay (InboxSDK; Gmail may leave it in the DOM after close). */
  fullscreen: ['.aSs .aSt [role=dialog] .M9'],
  /** Pop-up mole at the bottom right (InboxSDK MOLE_PARENT_SELECTOR, 2026-07). */
  mole: ['div.dw .nH > .nH > .no > div.AD .M9'],
};

/** The pop-out compose window (`?view=cm`) marks its body with both classes (InboxSDK). */
export const POPOUT_BODY = 'body.xE.xp';

/** The message body editor. */
export const BODY = [
  'div[g_editable=true][role=textbox][contenteditable=true]', // current UI (grAImmer, InboxSDK's g_editable)
  '.Ap [g_editable=true]', // InboxSDK getMaybeBodyElement (since 2014-10)
  '.Am.Al.editable', // Mailvelope (2019), older class-only hook
].join(',');

/** The subject line; a hidden `input[name=subject]` also exists and is not what the user types in. */
export const SUBJECT = [
  'input[name=subjectbox]', // InboxSDK, gmail.js (2014), Briskine (2026)
].join(',');

/** The To/Cc/Bcc rows of the "peoplekit" recipient UI (gmail.js 2021-11). */
export const RECIPIENT_ROWS = ['div[name=to]', 'div[name=cc]', 'div[name=bcc]'].join(',');

/** The text box where addresses are typed before they become chips. */
export const RECIPIENT_INPUT = [
  'input[peoplekit-id]', // peoplekit UI detection hook (gmail.js 2021-11)
  'input[type=text]', // the same input without the hook
  'textarea', // classic pre-2021 UI: textarea[name=to] (gmail.js, InboxSDK)
].join(',');

/** A committed recipient chip; the address is in the attribute `data-hovercard-id` or `email`. */
export const RECIPIENT_CHIP = [
  '[role=option][data-hovercard-id]', // Briskine 2026, InboxSDK page-parser 2021-10
  'div[data-hovercard-id]', // gmail.js 2021-11
  'span[email]', // FlowCrypt 2026: div.az9 span[email][data-hovercard-id]
].join(',');

/** Attachment names in the compose (gmail.js 2021-12: `div.dL`, name `.vI`, size `.vJ`). */
export const ATTACHMENT_NAME = ['div.dL .vI'].join(',');

/** The Send button (never the schedule arrow beside it). */
export const SEND_BUTTON = [
  // InboxSDK getSendButton() 2019-04: excludes Send+Archive (.Uo) and the arrow (aria-haspopup).
  '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])',
  'div[role=button].T-I.T-I-atl:not([aria-haspopup=true])', // gmail.js (2016-12)
].join(',');

/** Send + Archive, shown in replies when the user enabled it; it sends too (InboxSDK). */
export const SEND_AND_ARCHIVE = ['.IZ .Up div > div[role=button].Uo'].join(',');

/** The arrow beside Send that opens the "Schedule send" menu (InboxSDK). */
export const SEND_OPTIONS_ARROW = ['.IZ .Up [role=button][aria-haspopup=true]'].join(',');

/** An open arrow: Gmail's menu buttons set aria-expanded while their menu shows. */
export const SEND_OPTIONS_ARROW_OPEN = ['.IZ .Up [role=button][aria-haspopup=true][aria-expanded=true]'].join(',');

/** The "Schedule send" item; Gmail renders the menu at the end of <body>, outside the compose (InboxSDK). */
export const SCHEDULE_SEND_ITEM = ['[role=menu] [role=menuitem][selector=scheduledSend]'].join(',');

/** Where the inline notice goes: just above the bottom toolbar that holds Send. */
export const NOTICE_ANCHOR = [
  '.aDh', // the compose's bottom bar container (mole, full screen, pop-out, inline reply)
  'table.IZ', // the toolbar table itself
].join(',');
