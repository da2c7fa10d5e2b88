import { byLabel, localizedLabels, namePattern } from '../labels';
import type { ShareProfile } from './profile';

/**
 * The role-based share-dialog detector of docs/sites.md#generic-share-detector for sites with no open-source knowledge
 * (Dropbox, Box) and the fallback of every other share profile. All of it is a GUESS built on
 * ARIA conventions, proven only against our own fixtures: capture real DOM snapshots before
 * trusting it (docs/sites.md#generic-share-detector).
 */
export const GENERIC: ShareProfile = {
  dialog: [
    '[role=dialog]', // WAI-ARIA dialog pattern: every React/Fluent/Material modal library sets it
    '[aria-modal=true]', // modals that use another role but still declare themselves modal
  ],
  peopleInput: [
    'input[type=email]', // a plain email field
    'input[role=combobox]', // people pickers are comboboxes (ARIA 1.2 combobox pattern)
    'input[aria-label*=email]', // "Add an email", "Enter name or email"
    'input[aria-label*=Email]',
    'input[placeholder*=email]', // the same said by the placeholder only
    'input[placeholder*=Email]',
    'input[aria-label*=people]', // "Add people"
    'input[aria-label*=People]',
    // The same words in the other UI languages of lib/sites/labels.ts ("E-Mail", "Personen", "メール"…).
    byLabel(localizedLabels('email', 'people'), (l) => `input[aria-label*=${l}],input[placeholder*=${l}]`),
  ],
  peopleArea: [
    '[role=combobox]', // ARIA 1.1 combobox: a wrapper holding the input and its chips
    '[role=listbox]', // chips rendered as a listbox around the input
  ],
  chip: [
    '[data-email]', // a chip carrying its address in data
    '[role=option]', // chips as listbox options (peoplekit, Fluent pickers)
    '[role=listitem]', // chips as list items
    '[title*="@"]', // a chip whose tooltip is the address
  ],
  message: [
    'textarea', // the one multi-line field of a share dialog is its message
    '[contenteditable=true][role=textbox]', // a rich-text message box
  ],
  notify: [
    '[role=checkbox][aria-label*=Notify]', // "Notify people"
    'input[type=checkbox][aria-label*=Notify]',
    // Localized ("Personen benachrichtigen", "通知"…; lib/sites/labels.ts).
    byLabel(
      localizedLabels('notify'),
      (l) => `[role=checkbox][aria-label*=${l}],input[type=checkbox][aria-label*=${l}]`,
    ),
  ],
  itemName: [
    '[role=heading]', // the dialog's title ("Share 'Budget.xlsx'")
    'h1',
    'h2',
  ],
  button: ['button', '[role=button]', 'input[type=submit]'],
  // Share, Send, Invite, Copy link in every UI language of lib/sites/labels.ts ("Teilen", "Senden", "共有"…).
  shareNames: namePattern('share', 'send', 'invite', 'copyLink'),
  footer: ['footer', '[class*=footer]', '[class*=Footer]'],
  upload: ['input[type=file]'],
  uploadAnchor: ['[role=main]', 'main', 'body > *'],
};

/** A site's profile over the generic one: each site list first, then the role-based guesses. */
export function withGeneric(site: Partial<ShareProfile>): ShareProfile {
  const out: ShareProfile = { ...GENERIC, shareNames: site.shareNames ?? GENERIC.shareNames };
  for (const key of Object.keys(site) as (keyof ShareProfile)[]) {
    if (key === 'shareNames') continue;
    const list = site[key];
    if (list) out[key] = [...list, ...GENERIC[key]];
  }
  return out;
}
