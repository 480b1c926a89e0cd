/**
 * Service worker glue: registration, an update offered rather than forced, periodic update
 * checks, the online/offline indicator and the browser's install prompt.
 *
 * Updates: the new version waits until someone chooses Update. Only the tab that chose it
 * reloads, after saving what is being typed; every other open tab is told it is out of date and
 * reloads when the person says so, never by itself mid-sentence.
 */
import { useAppStatus } from '../state/app-status';
import { flushAll } from '../state/flush';

const CHECK_EVERY_MS = 60 * 60 * 1000;
/** How long Update waits for the new version to take over before saying it did not. */
const TAKE_OVER_MS = 15_000;
const SCRIPT = '/sw.js';

interface InstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export function startPwa(): void {
  const status = useAppStatus.getState();

  window.addEventListener('online', () => status.set({ online: true }));
  window.addEventListener('offline', () => status.set({ online: false }));

  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    const prompt = event as InstallPromptEvent;
    status.set({
      install: async () => {
        await prompt.prompt();
        const choice = await prompt.userChoice;
        status.set({ install: null, installed: choice.outcome === 'accepted' });
      },
    });
  });
  window.addEventListener('appinstalled', () => status.set({ install: null, installed: true }));

  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  /** This tab chose Update: it reloads when the new version takes over. */
  let asked = false;
  let controlled = !!container.controller;

  const reload = () => void flushAll().finally(() => location.reload());

  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      // A first visit: the worker has just taken this page over. Nothing was updated.
      controlled = true;
      status.set({ offlineReady: true });
    } else if (asked) {
      location.reload();
    } else {
      // Another tab chose Update: this one runs the old version, whose files are gone.
      status.set({ update: null, outdated: reload });
    }
  });

  container
    .register(SCRIPT, { scope: '/' })
    .then((registration) => {
      if (registration.active) status.set({ offlineReady: true });
      const offer = () => {
        const waiting = registration.waiting;
        if (!waiting || !controlled) return;
        status.set({
          update: async () => {
            asked = true;
            // Whatever is being typed is saved before the page goes away.
            await flushAll();
            waiting.postMessage({ type: 'SKIP_WAITING' });
            await new Promise((resolve) => setTimeout(resolve, TAKE_OVER_MS));
            // Still here: the new version never took over.
            asked = false;
            throw new Error('The update did not finish. Close every Power Shifting tab and window, then open the app again.');
          },
        });
      };
      offer();
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') offer();
          if (installing.state === 'activated' && !registration.waiting) status.set({ offlineReady: true });
        });
      });
      const check = () => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => undefined);
      };
      setInterval(check, CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    })
    .catch(() => undefined);
}
