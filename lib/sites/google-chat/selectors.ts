import { byLabel, localizedLabels } from '../labels';

/**
 * Google Chat DOM knowledge (docs/sites.md#google-chat), standalone at chat.google.com and in the
 * chat.google.com iframes inside Gmail. Low-confidence sources throughout: role-based hooks
 * first, since Google's class names are minified. Proven against tests/fixtures/google-chat.
 */

/** The message composer (aria-label names the space or person) [idx, low confidence]. */
export const EDITOR = ['div[contenteditable=true][role=textbox]'].join(',');

/**
 * The Send button; only the first found in a composer counts [idx, low]. It has no structural
 * hook: it is known by its label, English first, then the other UI languages of
 * lib/sites/labels.ts ("Nachricht senden", "メッセージを送信"…), then the bare verb.
 */
export const SEND_BUTTON = [
  'div[role=button][aria-label*="Send message"]', // Chat's div buttons
  'button[aria-label*="Send message"]',
  byLabel(localizedLabels('sendMessage'), (l) => `[role=button][aria-label*=${l}],button[aria-label*=${l}]`), // localized Chat
  '[role=button][aria-label*="Send"]',
  byLabel(localizedLabels('send'), (l) => `[role=button][aria-label*=${l}]`), // the bare verb, localized ("Senden", "送信")
];

/**
 * An open @-mention list: Enter picks the highlighted person, it does not send (the Ctrl+Enter
 * helper's "mention candidates"). [guess] an ARIA listbox with a selected option.
 */
export const PICK_LIST_OPEN = '[role=listbox] [role=option][aria-selected=true]';
/** Listboxes that are page structure, not a pick list (the conversation list). */
export const NOT_A_PICK_LIST = '[role=navigation]';

/** Files staged before sending. [guess] modelled as chips with `[data-attachment-name]`. */
export const ATTACHMENT = '[data-attachment-name]';

/**
 * External spaces and DMs. [guess] Google Chat labels conversations with people outside the
 * organisation "External" in the header; modelled as `[role=banner] [data-external="true"]`.
 * A header with an explicit internal marker counts as internal.
 */
export const EXTERNAL_MARKER = '[role=banner] [data-external="true"]';
export const INTERNAL_MARKER = '[role=banner] [data-external="false"]';
