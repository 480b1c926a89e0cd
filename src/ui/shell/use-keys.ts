import { useLayoutEffect, useRef } from 'preact/hooks';

export type KeyMap = Record<string, (event: KeyboardEvent) => void>;

/** True when a key press belongs to whatever has focus (typing, or a button's own Space/Enter). */
export function isOwnedByTarget(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, textarea, select, dialog[open], [role="dialog"]')) return true;
  const activates = event.key === ' ' || event.key === 'Enter';
  return activates && !!target.closest('button, a[href], summary, [role="button"]');
}

/**
 * Document-wide shortcuts, keyed by `event.key` ("ArrowRight", " ", "b"). Ignored while typing,
 * with a modifier held, or when the focused control handles the key itself.
 */
export function useKeys(map: KeyMap, enabled = true): void {
  const current = useRef(map);
  current.current = map;
  // A layout effect: keys work from the moment the screen is drawn, not a frame later.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isOwnedByTarget(event)) return;
      const handler = current.current[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
