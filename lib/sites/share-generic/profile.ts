/**
 * What a share-dialog adapter must know about one site: selector lists in priority order and
 * the names of its share buttons. The generic role-based profile (generic-selectors.ts) fills
 * every gap a site's own profile leaves.
 */
export type Selectors = readonly string[];

export interface ShareProfile {
  /** The share dialog's root. */
  dialog: Selectors;
  /** The input where invitees are typed; a dialog without one is not a share dialog. */
  peopleInput: Selectors;
  /** The box around the people input that also holds its committed chips. */
  peopleArea: Selectors;
  /** One committed invitee chip inside `peopleArea`. */
  chip: Selectors;
  /** The optional message to the invitees. */
  message: Selectors;
  /** A "Notify people" switch; when present and off, the message is not sent and not scanned. */
  notify: Selectors;
  /** The element naming the shared item (the dialog's title). */
  itemName: Selectors;
  /** Buttons of the dialog. */
  button: Selectors;
  /** Accessible names (aria-label or text) of the buttons that share. */
  shareNames: RegExp;
  /** Where the notice goes: the dialog's footer (button row). */
  footer: Selectors;
  /** A file input whose chosen files are uploads (checked by name). */
  upload: Selectors;
  /** Where an upload's notice goes, in the page. */
  uploadAnchor: Selectors;
}

/** All matches of any selector of the list, in document order. */
export function all<T extends Element = HTMLElement>(root: ParentNode, list: Selectors): T[] {
  return [...root.querySelectorAll<T>(list.join(','))];
}

/** The first match of the FIRST selector that matches anything: the list's priority order. */
export function first<T extends Element = HTMLElement>(root: ParentNode, list: Selectors): T | null {
  for (const selector of list) {
    const found = root.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}

/** The nearest ancestor-or-self matching any selector of the list. */
export function closest<T extends Element = HTMLElement>(el: Element, list: Selectors): T | null {
  return el.closest<T>(list.join(','));
}

export function matches(el: Element, list: Selectors): boolean {
  return el.matches(list.join(','));
}
