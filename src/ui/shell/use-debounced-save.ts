import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onFlush } from '../../state/flush';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; message: string };

const DELAY_MS = 400;

/**
 * Saves a value shortly after each change, and at once when the page is hidden, closed, left,
 * or about to be reloaded by an update: typed text is never only in memory for long.
 */
export function useDebouncedSave<T>(value: T | null, dirty: boolean, save: (value: T) => Promise<void>) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const pending = useRef<{ value: T; save: (value: T) => Promise<void> } | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return inFlight.current;
    pending.current = null;
    setStatus({ state: 'saving' });
    inFlight.current = inFlight.current
      .then(() => next.save(next.value))
      .then(
        () => setStatus({ state: 'saved', at: new Date() }),
        (problem: Error) => setStatus({ state: 'failed', message: problem.message }),
      );
    return inFlight.current;
  }, []);

  /** Drops any unsaved change and waits for a save already under way. */
  const cancel = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = null;
    await inFlight.current;
    setStatus({ state: 'idle' });
  }, []);

  useEffect(() => {
    if (value === null || !dirty) return;
    pending.current = { value, save };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
    // `save` may be a fresh closure each render; the value is what matters.
  }, [value, dirty, flush]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    const unregister = onFlush(flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      unregister();
      void flush();
    };
  }, [flush]);

  return { status, flush, cancel };
}
