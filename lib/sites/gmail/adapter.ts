import type { ComposeSurface, SiteAdapter } from '../types';
import * as S from './selectors';
import { GMAIL_SITE } from './site';
import { gmailResend, gmailSendIntent } from './send';
import { createGmailSurface } from './surface';

/**
 * Gmail behind the SiteAdapter interface (docs/design.md#site-adapters): the guard asks, this answers, and no
 * selector leaves lib/sites/gmail.
 */

// One surface object per root, so repeated lookups on every event allocate nothing.
const surfaces = new WeakMap<HTMLElement, ComposeSurface>();

function surfaceOf(root: HTMLElement): ComposeSurface {
  let surface = surfaces.get(root);
  if (!surface) {
    surface = createGmailSurface(root);
    surfaces.set(root, surface);
  }
  return surface;
}

/**
 * The compose whose send menu is open. Gmail renders the menu at the end of <body>, so the item
 * has no compose ancestor; the compose is the one whose arrow says its menu is expanded. With a
 * single compose open there is no doubt either way.
 */
function composeOfOpenMenu(doc: Document): HTMLElement | null {
  const arrow = doc.querySelector(S.SEND_OPTIONS_ARROW_OPEN);
  const root = arrow?.closest<HTMLElement>(S.COMPOSE_ROOT);
  if (root) return root;
  const all = doc.querySelectorAll<HTMLElement>(S.COMPOSE_ROOT);
  return all.length === 1 ? all[0]! : null;
}

function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

export const gmailAdapter: SiteAdapter = {
  ...GMAIL_SITE,

  findSurfaces(doc) {
    return [...doc.querySelectorAll<HTMLElement>(S.COMPOSE_ROOT)].map(surfaceOf);
  },

  surfaceFor(node) {
    const el = elementOf(node);
    if (!el) return null;
    const root = el.closest<HTMLElement>(S.COMPOSE_ROOT);
    if (root) return surfaceOf(root);
    if (el.closest(S.SCHEDULE_SEND_ITEM)) {
      const owner = composeOfOpenMenu(el.ownerDocument);
      return owner ? surfaceOf(owner) : null;
    }
    return null;
  },

  sendIntent: gmailSendIntent,
  resend: gmailResend,
};
