/**
 * zustand's vanilla stores bound to Preact hooks directly. zustand's own `create` goes through
 * React's useSyncExternalStore, which would pull preact/compat into the first-load bundle.
 */
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

export type BoundStore<S, A = object> = {
  (): S;
  <U>(selector: (state: S) => U): U;
} & StoreApi<S> &
  A;

export function bindStore<S, A extends object = object>(store: StoreApi<S> & A): BoundStore<S, A> {
  function useBound<U>(selector?: (state: S) => U): U | S {
    const select = selector ?? ((state: S) => state);
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    const value = select(store.getState());
    const latest = useRef({ select, value });
    latest.current = { select, value };
    useLayoutEffect(
      () =>
        store.subscribe((state) => {
          if (!Object.is(latest.current.select(state), latest.current.value)) rerender(0);
        }),
      [],
    );
    return value;
  }
  return Object.assign(useBound, store) as BoundStore<S, A>;
}
