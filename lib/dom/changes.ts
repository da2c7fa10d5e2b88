/**
 * Whether the text under some nodes changed since the watch began: what a sliced extraction
 * asks after each pause. The same changes as the guard's own observer (lib/guard/guard.ts):
 * nodes added or removed and text edited; attributes are left out, as there (docs/sites.md#gmail
 * "Attribute churn").
 */
export interface ChangeWatch {
  changed(): boolean;
  stop(): void;
}

export function watchChanges(targets: readonly Node[]): ChangeWatch {
  let seen = false;
  const observer = new MutationObserver(() => {
    seen = true;
  });
  for (const target of targets) observer.observe(target, { childList: true, characterData: true, subtree: true });
  return {
    changed() {
      // Records not yet delivered count too: the change happened, its callback is still queued.
      if (!seen && observer.takeRecords().length > 0) seen = true;
      return seen;
    },
    stop() {
      observer.disconnect();
    },
  };
}
