import { useCallback, useEffect, useState } from 'preact/hooks';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `load` when `deps` change and on `reload()`. An answer that arrives after a newer
 * request started is dropped, so fast paging never shows an older page last.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loadable<T>, () => void] {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setValue({ state: 'ready', data }),
      (error: unknown) => current && setValue({ state: 'error', error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `deps` says when it means something new.
  }, [...deps, generation]);

  return [value, reload];
}
