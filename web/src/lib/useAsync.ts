// Loads data for a component and tracks loading and error state.
import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'done'; data: T };

/**
 * Runs `load` whenever `deps` change and returns its state. Results of a
 * superseded run are ignored, so a slow response never overwrites a newer
 * one. `setData` replaces the loaded value after a local change.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (current) setState({ status: 'done', data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is recreated on every render; `deps` lists what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'done', data }), []);
  return { state, reload, setData };
}
