/** Loads something when its inputs change, and again on request (or on a timer). */

import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Async<T> {
  value?: T;
  /** Nothing could be loaded: the page has nothing to show. */
  error?: unknown;
  /**
   * A reload failed while an earlier value is still shown (a background
   * poll): the page stays, with a quiet notice, and the next tick retries.
   */
  refreshError?: unknown;
  loading: boolean;
  reload(): void;
}

type State<T> = Omit<Async<T>, 'reload'>;

export function useAsync<T>(load: () => Promise<T>, inputs: unknown[], everyMs?: number): Async<T> {
  const [state, setState] = useState<State<T>>({ loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (value) => live && setState({ value, loading: false }),
      (error: unknown) =>
        live &&
        setState((s) =>
          s.value === undefined
            ? { error, loading: false }
            : { value: s.value, refreshError: error, loading: false },
        ),
    );
    return () => {
      live = false;
    };
  }, [...inputs, tick]);
  useEffect(() => {
    if (!everyMs) return;
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [everyMs, reload]);
  return { ...state, reload };
}
