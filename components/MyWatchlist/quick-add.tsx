import type { JSX } from 'preact';
import './my-watchlist.css';
import { useEffect, useState } from 'preact/hooks';
import type { WatchlistConnector } from '@/lib/connectors/connector-watchlist';

export interface QuickAddProps {
  connector: Pick<WatchlistConnector, 'addPersonalTerm' | 'selectedText'>;
  /** The tab the popup was opened over, whose selection fills the field; null when there is none. */
  tabId: number | null;
}

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;

/** Longer than any name or code name: a paragraph selected by mistake. */
const MAX_PREFILL = 200;

/**
 * The popup's quick add (issue 4): the page's selected text is already in the field, so adding
 * it takes two clicks — the toolbar button, then "Add". A typed term works the same way.
 */
export function QuickAdd({ connector, tabId }: QuickAddProps): JSX.Element {
  const [term, setTerm] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    if (tabId === null) return;
    let current = true;
    void connector.selectedText(tabId).then((text) => {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (current && clean && clean.length <= MAX_PREFILL) setTerm((typed) => typed || clean);
    });
    return () => {
      current = false;
    };
  }, [connector, tabId]);

  async function add(event: Event): Promise<void> {
    event.preventDefault();
    if (!term.trim()) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { outcome: result, label } = await connector.addPersonalTerm(term);
      setOutcome({
        kind: 'done',
        text: result === 'added' ? `Added “${label}” to your watchlist.` : `“${label}” is already on your watchlist.`,
      });
      if (result === 'added') setTerm('');
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="quick-add" onSubmit={(e) => void add(e)}>
      <label htmlFor="quick-add-term">Add to my watchlist</label>
      <div class="inline">
        <input
          id="quick-add-term"
          type="text"
          value={term}
          placeholder="A client, matter or code name"
          onInput={(e) => setTerm(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy || term.trim() === ''}>
          Add
        </button>
      </div>
      <p role="status" class={outcome?.kind === 'error' ? 'error-text' : 'hint'}>
        {outcome?.text ?? ''}
      </p>
    </form>
  );
}
