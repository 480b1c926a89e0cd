/**
 * Whether the logbook has a lock and is open, kept light (no database code) so the shell can
 * show "Lock now" on first paint. Whether a lock is set is also kept in localStorage: it says
 * nothing of the passphrase, and it lets the page know, before the database opens, not to put
 * typed text in localStorage (see pending-text.ts).
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';
import { browserStorage } from './browser-storage';
import { isGuest } from './guest-flag';

export type LockStatus = 'unknown' | 'off' | 'locked' | 'unlocked';

const LOCK_SET = 'power-shifting:lock-set';

interface LockStatusState {
  status: LockStatus;
  /** Records encrypted or decrypted so far by a rewrite under way, or null. */
  rewriting: number | null;
  /** The locked logbook is being moved out of the files that held it before the lock (storage/home.ts). */
  moving: boolean;
  set: (change: Partial<Omit<LockStatusState, 'set'>>) => void;
}

export const useLockStatus = bindStore(
  createStore<LockStatusState>()((set) => ({
    status: lockSetHere() ? 'locked' : 'unknown',
    rewriting: null,
    moving: false,
    set: (change) => {
      if (change.status && change.status !== 'unknown') rememberLockSet(change.status !== 'off');
      set(change);
    },
  })),
);

/** Whether the device's own logbook has a lock (a guest's logbook, apart from it, never does). */
export function lockSetHere(): boolean {
  if (isGuest()) return false;
  try {
    return browserStorage().getItem(LOCK_SET) === '1';
  } catch {
    return false;
  }
}

function rememberLockSet(on: boolean): void {
  if (isGuest()) return;
  try {
    if (on) browserStorage().setItem(LOCK_SET, '1');
    else browserStorage().removeItem(LOCK_SET);
  } catch {
    // Blocked storage: pending-text.ts keeps no copies there either.
  }
}

/** Locks from anywhere, loading the lock's code only when it is used. */
export function lockNow(): Promise<void> {
  return import('./lock').then((m) => m.lockNow());
}
