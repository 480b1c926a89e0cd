/**
 * Emergency copies of typed work, written synchronously to localStorage: an IndexedDB write
 * started as a page is hidden or closed may not finish, a localStorage one does. A copy is
 * cleared once the real save has landed, and offered back if it never did.
 */
const PREFIX = 'power-shifting:pending:';

export interface Pending<T> {
  value: T;
  at: string;
}

export function keepPending<T>(key: string, value: T): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ value, at: new Date().toISOString() }));
  } catch {
    // Storage full or blocked: the normal save is still under way, or has reported its problem.
  }
}

export function readPending<T>(key: string): Pending<T> | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    const pending = raw ? (JSON.parse(raw) as Pending<T>) : undefined;
    return pending && pending.value !== undefined && typeof pending.at === 'string' ? pending : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the emergency copy; given the value just saved, only if the copy is of that value. A
 * save that lands after newer text was kept must not remove the newer text's only copy.
 */
export function clearPending(key: string, saved?: unknown): void {
  try {
    if (saved !== undefined) {
      const raw = localStorage.getItem(PREFIX + key);
      if (raw && JSON.stringify((JSON.parse(raw) as Pending<unknown>).value) !== JSON.stringify(saved)) return;
    }
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to do.
  }
}

/** Removes every emergency copy: "delete all data" must not leave typed text behind. */
export function clearAllPending(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const key of keys) if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage blocked: there are no copies to remove.
  }
}
