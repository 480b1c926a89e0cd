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

export function clearPending(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to do.
  }
}
