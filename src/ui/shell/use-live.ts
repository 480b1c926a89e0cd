import { useEffect, useState } from 'preact/hooks';

type Subscribe<T> = (onValue: (value: T) => void, onError: (problem: { message: string }) => void) => () => void;

export interface Live<T> {
  value: T | undefined;
  error: string | null;
  /** True once the first result has arrived (the value itself may be undefined: "not found"). */
  loaded: boolean;
}

/** Follows a live query: re-renders on every change, in this tab or another. */
export function useLive<T>(subscribe: Subscribe<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: null, loaded: false });
  useEffect(() => {
    setState({ value: undefined, error: null, loaded: false });
    return subscribe(
      (value) => setState({ value, error: null, loaded: true }),
      (problem) => setState((s) => ({ ...s, error: problem.message })),
    );
  }, deps);
  return state;
}
