/**
 * The shadow hosts Matterguard put in the page. Events from inside them are ours (the dialog's
 * buttons, its textarea): the guard neither gates nor scans them. A WeakSet, not a tag name:
 * a page can create an element with our tag, never put one in this set.
 */
export interface OwnUi {
  add(host: HTMLElement): void;
  /** Whether the event started inside one of our hosts. */
  isOwnEvent(event: Event): boolean;
  isOwnNode(node: Node): boolean;
}

export function createOwnUi(): OwnUi {
  const hosts = new WeakSet<EventTarget>();
  return {
    add: (host) => hosts.add(host),
    isOwnEvent: (event) => event.composedPath().some((t) => hosts.has(t)),
    isOwnNode: (node) => hosts.has(node),
  };
}
