/**
 * What the app shell says about the app itself: ready offline, offline now, an update waiting,
 * whether the browser offers to install it (all filled in by src/pwa), and whether the logbook
 * is being updated for a new version.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';

interface AppStatusState {
  /** The service worker has cached everything: the app works with no network. */
  offlineReady: boolean;
  online: boolean;
  /** A new version is installed and waiting; calling it reloads into the new version. */
  update: (() => Promise<void>) | null;
  /** Another tab has updated the app: this one runs the old version until reloaded (by calling this). */
  outdated: (() => void) | null;
  /** The browser's install prompt, when it offers one. */
  install: (() => Promise<void>) | null;
  installed: boolean;
  /** Opening the logbook is rewriting its records for this version: a big one takes a while. */
  logbookUpgrading: boolean;
  set: (change: Partial<Omit<AppStatusState, 'set'>>) => void;
}

export const useAppStatus = bindStore(
  createStore<AppStatusState>()((set) => ({
  offlineReady: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  update: null,
  outdated: null,
  install: null,
  installed: false,
  logbookUpgrading: false,
  set: (change) => set(change),
})),
);
