import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { EntryDraft } from '../../domain/logbook/drafts';
import { onFlush } from '../../state/flush';
import { saveDraft } from '../../state/logbook';

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; message: string };

const DELAY_MS = 400;

/**
 * Saves the draft shortly after each change, and at once when the page is hidden, closed,
 * left, or about to be reloaded by an update: typed text is never only in memory for long.
 */
export function useAutosave(key: string | null, draft: EntryDraft | null, dirty: boolean) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const pending = useRef<{ key: string; draft: EntryDraft } | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return inFlight.current;
    pending.current = null;
    setStatus({ state: 'saving' });
    inFlight.current = inFlight.current
      .then(() => saveDraft(next.key, next.draft))
      .then(
        () => setStatus({ state: 'saved', at: new Date() }),
        (problem: Error) => setStatus({ state: 'failed', message: problem.message }),
      );
    return inFlight.current;
  }, []);

  /** Drops any unsaved change and waits for a save already under way (before discarding the draft). */
  const cancel = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = null;
    await inFlight.current;
    setStatus({ state: 'idle' });
  }, []);

  useEffect(() => {
    if (!key || !draft || !dirty) return;
    pending.current = { key, draft };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [key, draft, dirty, flush]);

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
