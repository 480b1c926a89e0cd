import { useEffect, useState } from 'preact/hooks';

type Subscribe<T> = (onValue: (value: T) => void, onError: (problem: { message: string }) => void) => () => void;

export interface Live<T> {
  value: T | undefined;
  error: string | null;
}

/** Follows a live query: re-renders on every change, in this tab or another. */
export function useLive<T>(subscribe: Subscribe<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: null });
  useEffect(() => {
    setState({ value: undefined, error: null });
    return subscribe(
      (value) => setState({ value, error: null }),
      (problem) => setState((s) => ({ ...s, error: problem.message })),
    );
  }, deps);
  return state;
}
