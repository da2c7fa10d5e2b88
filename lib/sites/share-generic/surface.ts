import type { ComposeSurface, SurfaceField } from '../types';
import { all, closest, first, type ShareProfile } from './profile';

/** One open share dialog, rooted at its dialog element (docs/sites.md#share-dialogs). */

/**
 * Roughly an address: enough to pick addresses out of chip labels ("Remove a@b.example",
 * "Name (a@b.example)×") and half-typed text. The domain is ASCII labels, so a chip's remove
 * glyph or closing bracket never sticks to it.
 */
const ADDRESS = /[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Chip attributes that carry the invitee's address, by the sites and pickers we know. */
const ADDRESS_ATTRIBUTES = ['data-hovercard-id', 'data-email', 'email', 'title', 'aria-label'];

function addressesIn(text: string): string[] {
  return (text.match(ADDRESS) ?? []).map((a) => a.toLowerCase());
}

/** The people inputs of a dialog, each with the box that holds its chips. */
export function peopleAreas(root: HTMLElement, profile: ShareProfile): { input: HTMLElement; area: HTMLElement }[] {
  return all(root, profile.peopleInput)
    .map((input) => ({
      input,
      // From the parent: the input itself may carry role=combobox.
      area: (input.parentElement && closest(input.parentElement, profile.peopleArea)) ?? input.parentElement ?? input,
    }))
    .filter(({ area }) => root.contains(area));
}

/** Invitees: committed chips by the people input, plus any address still typed in it. */
export function inviteesOf(root: HTMLElement, profile: ShareProfile): string[] {
  const found = new Set<string>();
  for (const { input, area } of peopleAreas(root, profile)) {
    for (const chip of all(area, profile.chip)) {
      const attrs = ADDRESS_ATTRIBUTES.map((a) => chip.getAttribute(a) ?? '').join(' ');
      const addresses = addressesIn(attrs);
      // A chip that shows its address only as text (no attribute) still names an invitee.
      for (const a of addresses.length > 0 ? addresses : addressesIn(chip.textContent ?? '')) found.add(a);
    }
    // Sites commit a typed address on Share as Gmail does on Send: it is an invitee all the same.
    if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) {
      for (const a of addressesIn(input.value)) found.add(a);
    }
  }
  return [...found];
}

function isOff(el: Element): boolean {
  if (el instanceof HTMLInputElement) return !el.checked;
  return el.getAttribute('aria-checked') === 'false';
}

/** The message box, unless "Notify people" is off (the message is then not sent: Drive hides it). */
function messageOf(root: HTMLElement, profile: ShareProfile): HTMLElement | null {
  const notify = first(root, profile.notify);
  if (notify && isOff(notify)) return null;
  return first(root, profile.message);
}

export function itemNameOf(root: HTMLElement, profile: ShareProfile): HTMLElement | null {
  // The dialog's own label first: aria-labelledby names its title element.
  const labelledBy = root.getAttribute('aria-labelledby');
  const byId = labelledBy ? root.ownerDocument.getElementById(labelledBy.split(/\s+/)[0] ?? '') : null;
  return byId ?? first(root, profile.itemName);
}

export function createShareSurface(
  root: HTMLElement,
  profile: ShareProfile,
  shareButton: (root: HTMLElement) => HTMLElement | null,
): ComposeSurface {
  return {
    root,
    kind: 'share',
    fields(): SurfaceField[] {
      const fields: SurfaceField[] = [];
      const item = itemNameOf(root, profile);
      if (item) fields.push({ name: 'item-name', element: item });
      const message = messageOf(root, profile);
      if (message) fields.push({ name: 'message', element: message });
      return fields;
    },
    recipients: () => inviteesOf(root, profile),
    attachmentNames: () => [],
    audience: () => null,
    noticeAnchor(): HTMLElement {
      // Above the buttons; a dialog whose buttons we cannot find still gets its notice (fail visible).
      const footer = first(root, profile.footer);
      if (footer) return footer;
      const button = shareButton(root);
      if (button?.parentElement && root.contains(button.parentElement)) return button.parentElement;
      return root.lastElementChild instanceof HTMLElement ? root.lastElementChild : root;
    },
  };
}
