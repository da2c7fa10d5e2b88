import { namePattern } from '../labels';
import { withGeneric } from '../share-generic/generic-selectors';

/**
 * OneDrive / SharePoint share dialog (docs/sites.md#onedrive-and-sharepoint). SharePoint serves it as the page
 * `/_layouts/15/sharedialog.aspx?listId=…&listItemId=…&clientId=…&mode=…` inside an iframe
 * (SPFx web parts [idx 67464429685, 10789480755, 23152421698]); the share content script runs
 * there (allFrames). Its DOM is UNVERIFIED: no source shows it. These are Fluent UI guesses
 * on top of the generic role-based detector, proven only against tests/fixtures/onedrive.
 */
export const ONEDRIVE_PROFILE = withGeneric({
  dialog: [
    '[role=dialog].od-ShareDialog', // [guess] Fluent dialog surface of the share UI
  ],
  peopleInput: [
    'input[aria-label*="name, group, or email"]', // [guess] Fluent people picker label "Add a name, group, or email"
  ],
  peopleArea: [
    '.ms-BasePicker-text', // [guess] Fluent v8 BasePicker: chips and input share this box
  ],
  chip: [
    '.ms-PickerPersona-container', // [guess] Fluent v8 picker persona chip
  ],
  message: [
    'textarea[aria-label*=message]', // [guess] "Add a message"
  ],
  itemName: [
    '[role=heading]', // [guess] "Share 'name'"
  ],
  // In every UI language of lib/sites/labels.ts ("Senden", "Freigeben", "Link kopieren", "Kopieren"…).
  shareNames: namePattern('send', 'share', 'copyLink', 'copy'),
  footer: ['.od-ShareDialog-footer'], // [guess]
});
