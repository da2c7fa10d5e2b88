import type { JSX } from 'preact';

export interface PagerProps {
  offset: number;
  pageSize: number;
  /** Records on this page. */
  shown: number;
  total: number;
  onOffset: (offset: number) => void;
  /** What is being counted, e.g. "records". */
  noun: string;
}

/** "Newer" / "Older" paging for a newest-first list, with where the reader is. */
export function Pager({ offset, pageSize, shown, total, onOffset, noun }: PagerProps): JSX.Element {
  const first = shown === 0 ? 0 : offset + 1;
  const last = offset + shown;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        <span aria-hidden="true">←</span> Newer
      </button>
      <span class="pager-position" aria-live="polite">
        {first}–{last} of {total.toLocaleString()} {noun}
      </span>
      <button type="button" disabled={last >= total} onClick={() => onOffset(offset + pageSize)}>
        Older <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
