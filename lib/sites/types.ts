import type { FieldName } from '../match/types';
import type { SiteDefinition, SiteId } from './catalog';

/**
 * All DOM knowledge of one site lives behind this interface (docs/design.md#surfaces, CONTRIBUTING.md#content-scripts).
 * The shared guard (lib/guard) never sees a selector; adding a site is a new folder under
 * lib/sites/ that implements it.
 */

/** One text-bearing field of a compose surface. */
export interface SurfaceField {
  name: FieldName;
  /** A contenteditable element, an <input> or a <textarea>. */
  element: HTMLElement;
}

/** One place where the user composes something that can be sent (a Gmail compose window, a chat composer…). */
export interface ComposeSurface {
  /** The root element; stable for the surface's lifetime, used as its identity. */
  readonly root: HTMLElement;
  /** Logged as `surface`: 'compose' | 'reply' | 'popout' | … */
  readonly kind: string;
  fields(): SurfaceField[];
  /** Recipient addresses, lower case; empty where the site has none (chat). */
  recipients(): string[];
  /** Names of attached files. */
  attachmentNames(): string[];
  /** Whether the conversation is known to be internal/external (chat); null when recipients decide. */
  audience(): 'internal' | 'external' | null;
  /** Where the inline notice goes: it is placed just before/over this element. */
  noticeAnchor(): HTMLElement;
  /**
   * What the adapter could not find in this surface, in words ("send button not found"): the
   * guard still scans and shows the notice, and reports these as diagnostics (issue 5).
   */
  problems?(): string[];
}

/** A send attempt the guard caught (docs/design.md#send-gate). */
export interface SendIntent {
  /** How the user asked to send: the send button, a keyboard shortcut, schedule-send… */
  path: 'button' | 'shortcut' | 'enter' | 'schedule';
  /** The control to re-activate on release (absent for shortcuts). */
  control: HTMLElement | null;
}

/** What an adapter takes from its site's definition (lib/sites/<site>/site.ts). */
export type SiteIdentity = Pick<SiteDefinition, 'label' | 'overrideLabel'> & { readonly id: SiteId };

export interface SiteAdapter extends SiteIdentity {
  /** All compose surfaces currently in the document. */
  findSurfaces(doc: Document): ComposeSurface[];
  /** The surface that contains this node, if any. */
  surfaceFor(node: Node): ComposeSurface | null;
  /**
   * Whether a trusted event is an attempt to send from the given surface, and how.
   * Called in the capture phase at `window` for keydown, pointerdown, mousedown, mouseup and click.
   */
  sendIntent(event: Event, surface: ComposeSurface): SendIntent | null;
  /** Send again, exactly once, the way the user originally asked (after "Send anyway"). */
  resend(intent: SendIntent, surface: ComposeSurface): void;
}
