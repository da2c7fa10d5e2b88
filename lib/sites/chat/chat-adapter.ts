import { isElement, isNode } from '../../dom/realm';
import type { ComposeSurface, SendIntent, SiteAdapter, SiteIdentity } from '../types';

/**
 * The chat family's adapter, built from one site's selectors (docs/sites.md#chat-sites,
 * docs/sites.md#capture-listeners): Slack, Teams and Google Chat differ in their DOM, not in how
 * sending works. A composer is a rich-text editor; Enter (without Shift) or the Send button posts
 * it; there are no recipients, the conversation's audience sets the level. Adding a chat site is a
 * selectors file.
 */
export interface ChatSite extends SiteIdentity {
  /** The composer's editor (contenteditable). */
  editor: string;
  /** Buttons that post the composer, most specific first; only the first found counts. */
  sendButtons: readonly string[];
  /** What kind of composer a root is ('channel', 'thread', 'edit', 'chat'…), logged as surface. */
  kindOf(root: HTMLElement): string;
  fileNames(root: HTMLElement): string[];
  audience(root: HTMLElement): 'internal' | 'external' | null;
  /**
   * Whether an @-mention or emoji list is open for this composer, so that Enter picks from it.
   * Scoped to the composer (`root`): a list open in another composer must not stop this one's
   * Enter from being gated.
   */
  pickListOpen(editor: HTMLElement, root: HTMLElement): boolean;
}

function targetElement(event: Event): Element | null {
  const first = event.composedPath()[0] ?? event.target;
  if (isElement(first)) return first;
  return isNode(first) ? first.parentElement : null;
}

export function sendButtonIn(site: ChatSite, root: ParentNode): HTMLElement | null {
  for (const selector of site.sendButtons) {
    const button = root.querySelector<HTMLElement>(selector);
    if (button) return button;
  }
  return null;
}

/**
 * The composer around an editor: the nearest ancestor that also holds a Send button, without
 * reaching another composer's editor. A layout whose Send we do not know still gets a root
 * (the editor's parent), so it is scanned and its notice shown: fail visible.
 */
export function rootOfEditor(site: ChatSite, editor: HTMLElement): HTMLElement {
  const top = editor.ownerDocument.body;
  for (let a = editor.parentElement; a && a !== top; a = a.parentElement) {
    if (a.querySelectorAll(site.editor).length > 1) break;
    if (sendButtonIn(site, a)) return a;
  }
  return editor.parentElement ?? editor;
}

export function createChatAdapter(site: ChatSite): SiteAdapter {
  const surfaces = new WeakMap<HTMLElement, ComposeSurface>();
  const editorOf = (root: HTMLElement) => root.querySelector<HTMLElement>(site.editor);

  const surfaceOf = (root: HTMLElement): ComposeSurface => {
    let surface = surfaces.get(root);
    if (!surface) {
      surface = {
        root,
        get kind() {
          return site.kindOf(root);
        },
        fields() {
          // Editors re-mount on channel switch: resolve on every call, never cache (docs/sites.md#slack-composer).
          const editor = editorOf(root);
          return editor ? [{ name: 'body', element: editor }] : [];
        },
        recipients: () => [],
        attachmentNames: () => [
          ...new Set(
            site
              .fileNames(root)
              .map((n) => n.trim())
              .filter((n) => n !== ''),
          ),
        ],
        audience: () => site.audience(root),
        noticeAnchor: () => editorOf(root) ?? root,
        // A Send we cannot find cannot be gated by click (Enter still is): say so.
        problems: () => (sendButtonIn(site, root) ? [] : ['send button not found']),
      };
      surfaces.set(root, surface);
    }
    return surface;
  };

  const rootAround = (el: Element): HTMLElement | null => {
    const editor = el.closest<HTMLElement>(site.editor);
    if (editor) return rootOfEditor(site, editor);
    for (let a: Element | null = el; a; a = a.parentElement) {
      const editors = a.querySelectorAll<HTMLElement>(site.editor);
      if (editors.length === 0) continue;
      for (const e of editors) {
        const root = rootOfEditor(site, e);
        if (root.contains(el)) return root;
      }
      return null;
    }
    return null;
  };

  const sendIntent = (event: Event, surface: ComposeSurface): SendIntent | null => {
    const el = targetElement(event);
    if (!el || !surface.root.contains(el)) return null;
    const button = sendButtonIn(site, surface.root);
    const onButton = button !== null && button.contains(el);
    if (event.type === 'keydown' && event instanceof KeyboardEvent) {
      // Enter that commits an IME composition is not a send (docs/sites.md#slack-pitfalls).
      if (event.isComposing || event.keyCode === 229) return null;
      if (event.key !== 'Enter' && !(onButton && event.key === ' ')) return null;
      if (onButton && !event.shiftKey) return { path: 'button', control: button };
      const editor = el.closest<HTMLElement>(site.editor);
      // Shift+Enter is a new line; Ctrl/Cmd+Enter sends too (Slack's "Enter for new line" setting).
      if (!editor || event.shiftKey || event.altKey) return null;
      return site.pickListOpen(editor, surface.root) ? null : { path: 'enter', control: null };
    }
    if (!['pointerdown', 'mousedown', 'mouseup', 'click'].includes(event.type)) return null;
    if (event instanceof MouseEvent && event.button !== 0) return null;
    return onButton ? { path: 'button', control: button } : null;
  };

  const resend = (intent: SendIntent, surface: ComposeSurface): void => {
    // A click on the app's own Send is what every chat app honours (docs/sites.md#replaying-a-send).
    const button = intent.control?.isConnected ? intent.control : sendButtonIn(site, surface.root);
    if (button) {
      button.click();
      return;
    }
    const editor = editorOf(surface.root);
    editor?.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        code: 'Enter',
        keyCode: 13,
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
  };

  return {
    id: site.id,
    label: site.label,
    overrideLabel: site.overrideLabel,
    findSurfaces: (doc) =>
      [...new Set([...doc.querySelectorAll<HTMLElement>(site.editor)].map((e) => rootOfEditor(site, e)))].map(
        surfaceOf,
      ),
    surfaceFor(node) {
      const el = isElement(node) ? node : node.parentElement;
      const root = el ? rootAround(el) : null;
      return root ? surfaceOf(root) : null;
    },
    sendIntent,
    resend,
  };
}
