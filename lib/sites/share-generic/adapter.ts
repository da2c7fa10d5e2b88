import type { ComposeSurface, SiteAdapter, SiteIdentity } from '../types';
import { all, closest, matches, type ShareProfile } from './profile';
import { findShareButton, shareResend, shareSendIntent } from './send';
import { createShareSurface, peopleAreas } from './surface';
import { createUploadSurface } from './upload';

/**
 * A share-dialog site behind the SiteAdapter interface (docs/design.md#site-adapters): a dialog with a people input
 * is a surface; its title (item name), message and invitees are scanned; its Share/Send/Invite/
 * Copy-link button is gated. A chosen upload file is a surface too (checked by its name).
 */
export interface ShareSite extends SiteIdentity {
  profile: ShareProfile;
}

function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

export function createShareAdapter(site: ShareSite): SiteAdapter {
  const { profile } = site;
  // One surface object per root, so repeated lookups on every event allocate nothing.
  const surfaces = new WeakMap<HTMLElement, ComposeSurface>();
  const shareButton = (root: HTMLElement) => findShareButton(root, profile);

  const surfaceOf = (root: HTMLElement, make: () => ComposeSurface): ComposeSurface => {
    let surface = surfaces.get(root);
    if (!surface) {
      surface = make();
      surfaces.set(root, surface);
    }
    return surface;
  };

  /** A dialog is a share dialog only while it holds a people input (docs/sites.md#generic-share-detector). */
  const isShareDialog = (el: HTMLElement): boolean => peopleAreas(el, profile).length > 0;

  const dialogOf = (el: Element): HTMLElement | null => {
    // Dialogs nest (a menu or a confirm inside the share dialog): the share one is the outer.
    let found: HTMLElement | null = null;
    for (
      let d = closest(el, profile.dialog);
      d;
      d = d.parentElement ? closest(d.parentElement, profile.dialog) : null
    ) {
      if (isShareDialog(d)) found = d;
    }
    return found;
  };

  const dialogSurface = (root: HTMLElement) => surfaceOf(root, () => createShareSurface(root, profile, shareButton));

  return {
    id: site.id,
    label: site.label,
    overrideLabel: site.overrideLabel,

    findSurfaces(doc) {
      const dialogs = all(doc, profile.dialog).filter(isShareDialog);
      // Only the outermost of nested dialogs, as dialogOf() picks.
      return dialogs.filter((d) => !dialogs.some((o) => o !== d && o.contains(d))).map(dialogSurface);
    },

    surfaceFor(node) {
      const el = elementOf(node);
      if (!el) return null;
      if (el instanceof HTMLInputElement && matches(el, profile.upload)) {
        // Nothing to say about an upload input until files are chosen.
        return el.files && el.files.length > 0 ? surfaceOf(el, () => createUploadSurface(el, profile)) : null;
      }
      const dialog = dialogOf(el);
      return dialog ? dialogSurface(dialog) : null;
    },

    sendIntent: (event, surface) => shareSendIntent(event, surface, profile),
    resend: (intent, surface) => shareResend(intent, surface, profile),
  };
}
