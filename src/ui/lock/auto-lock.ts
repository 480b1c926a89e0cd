/**
 * Auto-lock: after a chosen time without a key, click or touch, and when the app has been out of
 * sight that long. The choice is kept in localStorage (it is not private).
 */
import { useEffect, useState } from 'preact/hooks';
import { useLockStatus, lockNow } from '../../state/lock-status';

export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60];
const KEY = 'power-shifting:auto-lock-minutes';
const DEFAULT_MINUTES = 15;

function storedMinutes(): number {
  const kept = Number(localStorage.getItem(KEY));
  return AUTO_LOCK_CHOICES.includes(kept) ? kept : DEFAULT_MINUTES;
}

export function useAutoLockMinutes(): [number, (minutes: number) => void] {
  const [minutes, setMinutes] = useState(storedMinutes);
  return [
    minutes,
    (next) => {
      localStorage.setItem(KEY, String(next));
      setMinutes(next);
    },
  ];
}

const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Mounted once in the shell: watches for use while the logbook is unlocked. */
export function useAutoLock(): void {
  const unlocked = useLockStatus((s) => s.status === 'unlocked');
  useEffect(() => {
    if (!unlocked) return;
    let last = Date.now();
    let hiddenAt: number | null = null;
    const limit = () => storedMinutes() * 60_000;
    const seen = () => (last = Date.now());
    const onVisibility = () => {
      if (document.hidden) hiddenAt = Date.now();
      else if (hiddenAt !== null && Date.now() - hiddenAt >= limit()) void lockNow();
      else hiddenAt = null;
    };
    // A timer checks the clock rather than being reset on every key: typing costs nothing.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= limit()) void lockNow();
    }, 5_000);
    for (const event of ACTIVITY) window.addEventListener(event, seen, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, seen, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [unlocked]);
}
