import { isElement } from '../../dom/realm';
import type { ComposeSurface, SiteAdapter } from '../types';
import * as S from './selectors';
import { OUTLOOK_SITE } from './site';
import { composeOfOpenMenu, outlookResend, outlookSendIntent, scheduleItemAt } from './send';
import { createOutlookSurface, rootOfBody } from './surface';

/**
 * Outlook on the web behind the SiteAdapter interface (docs/design.md#site-adapters,
 * docs/sites.md#outlook-on-the-web): the new message and inline reply in the reading pane, and the
 * about:blank pop-out window.
 */

const surfaces = new WeakMap<HTMLElement, ComposeSurface>();

function surfaceOf(root: HTMLElement): ComposeSurface {
  let surface = surfaces.get(root);
  if (!surface) {
    surface = createOutlookSurface(root);
    surfaces.set(root, surface);
  }
  return surface;
}

function elementOf(node: Node): Element | null {
  return isElement(node) ? node : node.parentElement;
}

/**
 * The compose that holds `el`: its body's, if `el` is in one; otherwise the nearest ancestor
 * that holds a body tells which composes are candidates (old drafts left in the DOM included).
 */
function rootAround(el: Element): HTMLElement | null {
  const body = el.closest<HTMLElement>(S.BODY);
  if (body) return rootOfBody(body);
  for (let a: Element | null = el; a; a = a.parentElement) {
    const bodies = a.querySelectorAll<HTMLElement>(S.BODY);
    if (bodies.length === 0) continue;
    for (const b of bodies) {
      const root = rootOfBody(b);
      if (root.contains(el)) return root;
    }
    return null;
  }
  return null;
}

export const outlookAdapter: SiteAdapter = {
  ...OUTLOOK_SITE,

  findSurfaces(doc) {
    const roots = new Set([...doc.querySelectorAll<HTMLElement>(S.BODY)].map(rootOfBody));
    return [...roots].map(surfaceOf);
  },

  surfaceFor(node) {
    const el = elementOf(node);
    if (!el) return null;
    const root = rootAround(el);
    if (root) return surfaceOf(root);
    // "Schedule send" sits in a menu portalled to <body>: it belongs to the compose that opened it.
    if (!scheduleItemAt(el)) return null;
    const owner = composeOfOpenMenu(el.ownerDocument, rootAround);
    return owner ? surfaceOf(owner) : null;
  },

  sendIntent: outlookSendIntent,
  resend: outlookResend,
};
