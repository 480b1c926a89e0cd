/**
 * The last line of defence for typed text: a copy written synchronously to localStorage when the
 * page is hidden or closed, for text whose IndexedDB save has not landed yet.
 *
 * What each layer survives: a draft in IndexedDB (state/drafts.ts, written within a second of
 * typing) survives a reload, a closed tab and the browser being killed, because IndexedDB hands
 * its data to the operating system when each transaction completes. localStorage does not:
 * Chromium writes it to disk some seconds later, so a copy here survives a reload or a closed
 * tab, but not a crash soon after. That is why it is only the fallback for the moment a page
 * goes, never the place a draft lives. A copy is cleared once the real save has landed.
 */
import { isGuest } from './guest-flag';
import { lockSetHere } from './lock-status';

const PREFIX = 'power-shifting:pending:';

export interface Pending<T> {
  value: T;
  at: string;
}

/**
 * While a lock is set no copy is kept: localStorage cannot be encrypted synchronously, and the
 * IndexedDB draft (encrypted, and saved within a second of typing) is the real one anyway.
 */
export function keepPending<T>(key: string, value: T): void {
  // A guest's words are not kept outside the guest's own logbook either.
  if (lockSetHere() || isGuest()) return;
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

/** Every emergency copy whose key starts with `prefix`, by key. */
export function pendingWith<T>(prefix: string): { key: string; pending: Pending<T> }[] {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
    return keys.flatMap((full) => {
      if (!full.startsWith(PREFIX + prefix)) return [];
      const key = full.slice(PREFIX.length);
      const pending = readPending<T>(key);
      return pending ? [{ key, pending }] : [];
    });
  } catch {
    return [];
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
