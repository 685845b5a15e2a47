// Loads data for a component and tracks loading and error state.
import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'done'; data: T };

type KeyedState<T> = AsyncState<T> & { key: string };

/**
 * Runs `load` whenever `deps` change and returns its state. Results of a
 * superseded run are ignored, so a slow response never overwrites a newer
 * one, and data loaded for other `deps` is reported as loading rather than
 * shown stale. `deps` must be JSON-serialisable (strings, numbers, booleans).
 * `setData` replaces the loaded value after a local change.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList) {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([...deps, generation]);
  const [state, setState] = useState<KeyedState<T>>({ status: 'loading', key });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading', key });
    load().then(
      (data) => {
        if (current) setState({ status: 'done', data, key });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error, key });
      },
    );
    return () => {
      current = false;
    };
    // `load` is recreated on every render, so `key` encodes what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'done', data, key }), [key]);
  const visible: AsyncState<T> = state.key === key ? state : { status: 'loading' };
  return { state: visible, reload, setData };
}
