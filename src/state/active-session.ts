/**
 * Which session is running, kept light (no database code) so the deal screen and the shell can
 * know it on first paint. The session itself lives in the logbook database.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';
import { browserStorage } from './browser-storage';
import { isGuest } from './guest-flag';
import { lockSetHere } from './lock-status';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { SessionKind, SessionStatus } from '../domain/records/session';

export interface ActiveSession {
  id: string;
  title: string;
  kind: SessionKind;
  status: Exclude<SessionStatus, 'ended'>;
}

interface ActiveSessionState {
  active: ActiveSession | null;
  set: (active: ActiveSession | null) => void;
}

const kept = new Map<string, string>();
const guestMemory = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value), removeItem: (key: string) => void kept.delete(key) };

export const useActiveSession = bindStore(
  createStore<ActiveSessionState>()(
  persist(
    (set) => ({
      active: null,
      set: (active) => set({ active }),
    }),
    // A guest's running session is kept in memory only: its title is typed text, and the device's own is not the guest's.
    {
      name: 'power-shifting:active-session',
      version: 1,
      storage: createJSONStorage(() => (isGuest() ? guestMemory : browserStorage())),
      // Its title is typed text: not kept while a lock is set (shown again once the session is read).
      partialize: ({ active }) => ({ active: active && lockSetHere() ? { ...active, title: '' } : active }),
    },
  ),
  ),
);

// Another window (the facilitator's, say) may start or end a session: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === 'power-shifting:active-session' && !isGuest()) void useActiveSession.persist.rehydrate();
  });
}

/** Loads the session code (and the database) only when a session is actually being used. */
export function withSessions<T>(use: (sessions: typeof import('./sessions')) => T | Promise<T>): Promise<T> {
  return import('./sessions').then(use);
}
