/**
 * What the app shell says about the app itself: ready offline, offline now, an update waiting,
 * and whether the browser offers to install it. Filled in by src/pwa.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';

interface AppStatusState {
  /** The service worker has cached everything: the app works with no network. */
  offlineReady: boolean;
  online: boolean;
  /** A new version is installed and waiting; calling it reloads into the new version. */
  update: (() => Promise<void>) | null;
  /** The browser's install prompt, when it offers one. */
  install: (() => Promise<void>) | null;
  installed: boolean;
  set: (change: Partial<Omit<AppStatusState, 'set'>>) => void;
}

export const useAppStatus = bindStore(
  createStore<AppStatusState>()((set) => ({
  offlineReady: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  update: null,
  install: null,
  installed: false,
  set: (change) => set(change),
})),
);
