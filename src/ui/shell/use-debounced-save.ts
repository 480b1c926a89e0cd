import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { onFlush } from '../../state/flush';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; message: string };

/** A pause in typing this long saves. */
const PAUSE_MS = 300;
/**
 * However steadily someone types, a change waits no longer than this to start saving, so a
 * crash loses at most the last second of typing (the save itself takes milliseconds).
 */
const MAX_WAIT_MS = 600;

/**
 * Saves a value shortly after each change (after a pause, or at the latest MAX_WAIT_MS after
 * the first unsaved change), and at once when the page is hidden, closed, left, or about to be
 * reloaded by an update: typed text is never only in memory for long.
 */
export function useDebouncedSave<T>(
  value: T | null,
  dirty: boolean,
  save: (value: T) => Promise<void>,
  /** Called synchronously when the page is hidden or closed with a change not yet saved, or still being saved. */
  keepNow?: (value: T) => void,
) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const pending = useRef<{ value: T; save: (value: T) => Promise<void>; keepNow?: (value: T) => void } | null>(null);
  // The latest change until a save of it has landed: a save still under way when the page goes
  // may never land, so its text needs the emergency copy as much as an unsaved change does.
  const unconfirmed = useRef<typeof pending.current>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const deadline = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(pause.current);
    clearTimeout(deadline.current);
    deadline.current = undefined;
    const next = pending.current;
    if (!next) return inFlight.current;
    pending.current = null;
    setStatus({ state: 'saving' });
    inFlight.current = inFlight.current
      .then(() => next.save(next.value))
      .then(
        () => {
          if (unconfirmed.current === next) unconfirmed.current = null;
          // A newer change may be waiting: it is not saved yet, so say nothing that claims it is.
          setStatus(pending.current ? { state: 'saving' } : { state: 'saved', at: new Date() });
        },
        (problem: Error) => setStatus({ state: 'failed', message: problem.message }),
      );
    return inFlight.current;
  }, []);

  /** Drops any unsaved change and waits for a save already under way. */
  const cancel = useCallback(async () => {
    clearTimeout(pause.current);
    clearTimeout(deadline.current);
    deadline.current = undefined;
    pending.current = null;
    unconfirmed.current = null;
    await inFlight.current;
    setStatus({ state: 'idle' });
  }, []);

  // A layout effect, so the change is known before any later event: a reload straight after a
  // key press still finds it to keep. (A plain effect waits for the next frame.)
  useLayoutEffect(() => {
    if (value === null || !dirty) return;
    pending.current = keepNow ? { value, save, keepNow } : { value, save };
    unconfirmed.current = pending.current;
    clearTimeout(pause.current);
    pause.current = setTimeout(() => void flush(), PAUSE_MS);
    deadline.current ??= setTimeout(() => void flush(), MAX_WAIT_MS);
    // `save` may be a fresh closure each render; the value is what matters.
  }, [value, dirty, flush]);

  useEffect(() => {
    const leaving = () => {
      unconfirmed.current?.keepNow?.(unconfirmed.current.value);
      void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leaving();
    };
    const onPageHide = leaving;
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
