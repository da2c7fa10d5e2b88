import { byLabel, localizedLabels, namePattern } from '../labels';
import { withGeneric } from '../share-generic/generic-selectors';

/**
 * Google Drive / Docs share dialog (docs/sites.md#google-drive-and-docs). The dialog renders in an iframe,
 * `…/sharing/driveshare` (Docs: `docs.google.com/sharing/driveshare?id=…&foreignService=kix`,
 * also `/sharing/boq/driveshare`), where the share content script runs (allFrames). Each list
 * is proven against tests/fixtures/google-drive by tests/unit/lib/sites/google-drive.
 */

/** The share iframe, as the host page embeds it (Python Playwright share helper [idx 62537739198]). */
export const SHARE_FRAME = [
  'iframe.share-client-content-iframe', // the frame's class in Drive and the Docs editors
  'iframe[src*="/sharing/driveshare"]', // Docs frame URL (docs/sites.md#google-drive-and-docs)
  'iframe[src*="/sharing/boq/driveshare"]', // newer Boq-served variant (a Docs theme readme [idx])
];

export const DRIVE_PROFILE = withGeneric({
  dialog: [
    '[role=dialog][aria-label^=Share]', // Material dialog titled "Share “name”" [guess: role per WAI-ARIA]
  ],
  peopleInput: [
    'input[aria-label*="Add people"]', // current UI: placeholder "Add people, groups, and calendar events" [idx]
    'input[aria-label*="people, groups"]', // same field, other label wording [idx]
    byLabel(localizedLabels('people'), (l) => `input[aria-label*=${l}]`), // same field in a localized Drive ("Personen…", "ユーザー…") [guess]
    '#simpleInviter .simple-inviter-recipient-area textarea', // old "simple inviter" UI [src-old]
  ],
  peopleArea: [
    '[role=listbox]', // peoplekit: chips are options of a listbox around the input (as in Gmail's peoplekit)
  ],
  chip: [
    '[role=option][data-hovercard-id]', // peoplekit chip, address in data-hovercard-id (Gmail peoplekit, docs/sites.md#gmail) [guess for Drive]
  ],
  message: [
    'textarea[aria-label=Message]', // "Message" box shown while "Notify people" is on [idx]
  ],
  notify: [
    '[role=checkbox][aria-label*="Notify people"]', // current UI [idx]
    byLabel(localizedLabels('notify'), (l) => `[role=checkbox][aria-label*=${l}]`), // current UI, localized ("Personen benachrichtigen")
    'input[name=notify]', // older UI [idx]
  ],
  itemName: [
    '[role=dialog] h1', // the title "Share “name”" [guess: heading of the Material dialog]
  ],
  button: [
    'button', // Material 3 buttons are real <button>s (VfPpkd-LgbsSe)
  ],
  // "Send" with Notify on, "Share" with it off; "Copy link" shares a link; "Done" only closes
  // (docs/sites.md#google-drive-and-docs).
  // In every UI language of lib/sites/labels.ts ("Senden", "Teilen", "Link kopieren", "送信"…).
  shareNames: namePattern('send', 'share', 'copyLink'),
  footer: [
    '[role=dialog] .share-dialog-footer', // fixture's class for the Material dialog actions row [guess]
  ],
  upload: [
    'input[type=file]', // "New › File upload" / "Folder upload" use hidden file inputs [guess]
  ],
  uploadAnchor: [
    '[role=main]', // Drive's file list
  ],
});
