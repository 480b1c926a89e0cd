import { render } from 'preact';
import { App } from './ui/shell/app';

/** Takes over the prerendered first screen, then starts the service worker once the page has loaded. */
export function boot(): void {
  const root = document.getElementById('app');
  if (root) render(<App />, root);
  // Lets tests and the benchmark tell the live app from the prerendered page.
  document.documentElement.dataset.ready = 'true';
  // The service worker's install (downloading and caching every file) waits until the page is idle.
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1000);
  const startPwa = () => idle(() => void import('./pwa/register').then((m) => m.startPwa()));
  if (document.readyState === 'complete') startPwa();
  else window.addEventListener('load', startPwa, { once: true });
}
