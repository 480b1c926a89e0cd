/**
 * Service worker glue: registration through the plugin's virtual module (no inline script),
 * an update prompt instead of a surprise reload, periodic update checks, the online/offline
 * indicator and the browser's install prompt.
 */
import { registerSW } from 'virtual:pwa-register';
import { useAppStatus } from '../state/app-status';
import { flushAll } from '../state/flush';

const CHECK_EVERY_MS = 60 * 60 * 1000;

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

  const updateSW = registerSW({
    onNeedRefresh() {
      status.set({
        update: async () => {
          // Whatever is being typed is saved before the page goes away.
          await flushAll();
          await updateSW(true);
        },
      });
    },
    onOfflineReady() {
      status.set({ offlineReady: true });
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      if (registration.active) status.set({ offlineReady: true });
      const check = () => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => undefined);
      };
      setInterval(check, CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
}
