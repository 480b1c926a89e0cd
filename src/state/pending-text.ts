/**
 * Emergency copies of typed text, written synchronously to localStorage when a page is hidden or
 * closed: an IndexedDB write started at that moment may not finish, a localStorage one does.
 * The copy is cleared once the real save has landed, and offered back if it never did.
 */
const PREFIX = 'power-shifting:pending:';

export interface PendingText {
  text: string;
  at: string;
}

export function keepPendingText(key: string, text: string): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ text, at: new Date().toISOString() }));
  } catch {
    // Storage full or blocked: the normal save is still under way.
  }
}

export function readPendingText(key: string): PendingText | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    const value = raw ? (JSON.parse(raw) as PendingText) : undefined;
    return value && typeof value.text === 'string' && typeof value.at === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function clearPendingText(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to do.
  }
}
