/** A container for Preact UI inside a shadow root the page cannot read (docs/design.md#closed-to-the-page). */
export interface UiMount {
  /** Where the component renders, inside the shadow root. */
  readonly container: HTMLElement;
  /** The element in the page's DOM that hosts the shadow root. */
  readonly host: HTMLElement;
  remove(): void;
}

/** Creates shadow-root UI (the content script: WXT createShadowRootUi, closed; tests: open). */
export interface UiHost {
  /** A container placed in the page just before `anchor`. */
  inline(anchor: HTMLElement, css: string): Promise<UiMount>;
  /** A container covering the viewport, above the page. */
  modal(css: string): Promise<UiMount>;
}
