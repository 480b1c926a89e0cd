import { useEffect, useState } from 'preact/hooks';

type Subscribe<T> = (onValue: (value: T) => void, onError: (problem: { message: string }) => void) => () => void;

export interface Live<T> {
  value: T | undefined;
  error: string | null;
  /** True once the first result has arrived (the value itself may be undefined: "not found"). */
  loaded: boolean;
}

/**
 * Follows a live query: re-renders on every change, in this tab or another. When the query
 * changes, the old value is cleared, unless `keep` says the new query only extends it (a list
 * asked for more): then it stays on screen until the new one arrives, so the list does not
 * flash empty and the button that asked keeps its focus.
 */
export function useLive<T>(subscribe: Subscribe<T>, deps: unknown[], { keep = false } = {}): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: null, loaded: false });
  useEffect(() => {
    if (!keep) setState({ value: undefined, error: null, loaded: false });
    return subscribe(
      (value) => setState({ value, error: null, loaded: true }),
      (problem) => setState((s) => ({ ...s, error: problem.message })),
    );
  }, deps);
  return state;
}
