import { render } from 'preact';
import { parseRoute } from './ui/routing/routes';
import { guestStorageMayRemain, isGuest } from './state/guest-flag';
import { App } from './ui/shell/app';

/**
 * Runs when this module is evaluated: from the entry script, or, in the service worker's app
 * shell, as a render-blocking script, so that a reload paints the screen the user was on (their
 * dealt card, say) in its first frame instead of flashing the prerendered deal screen first.
 */
boot();

/** Takes over the prerendered first screen, then starts the service worker once the page has loaded. */
function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  // The prerendered HTML is the deal screen: keep its nodes when that is what shows (no repaint,
  // no layout shift); for any other address, start from an empty container.
  if (parseRoute(location.hash).name !== 'deal') root.replaceChildren();
  // Chromium keeps what is typed into a field in its session-restore file, and in its autofill
  // data when a form is sent, unless the field says autocomplete="off": text about colleagues and
  // communities would then be on the disk in plain, lock or no lock. Every field that does not
  // name its purpose (a password, the person's own name) is marked before the first key reaches it.
  document.addEventListener('focusin', ({ target }) => {
    if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && !target.hasAttribute('autocomplete')) target.autocomplete = 'off';
  });
  const show = () => {
    render(<App />, root);
    // Lets tests and the benchmark tell the live app from the prerendered page.
    document.documentElement.dataset.ready = 'true';
  };
  // A guest's logbook is in a storage of its own, opened before any screen can read a logbook.
  if (isGuest()) void import('./state/guest').then((m) => m.openGuestLogbook()).then(show);
  else show();
  // The service worker's install (downloading and caching every file) waits until the page is idle.
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1000);
  // Sync, like the service worker, waits until the page is idle, and loads only for a device that shares something.
  const startPwa = () =>
    idle(() => {
      void import('./pwa/register').then((m) => m.startPwa());
      void import('./state/sync').then((m) => m.startSyncIfMember());
      // Only when a guest session may have left something: the module brings the logbook's code.
      if (!isGuest() && guestStorageMayRemain()) void import('./state/guest').then((m) => m.sweepGuest());
    });
  if (document.readyState === 'complete') startPwa();
  else window.addEventListener('load', startPwa, { once: true });
}
