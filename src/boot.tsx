import { render } from 'preact';
import { App } from './ui/shell/app';

/** Takes over the prerendered first screen, then starts the service worker once the page has loaded. */
export function boot(): void {
  const root = document.getElementById('app');
  if (root) render(<App />, root);
  const startPwa = () => void import('./pwa/register').then((m) => m.startPwa());
  if (document.readyState === 'complete') startPwa();
  else window.addEventListener('load', startPwa, { once: true });
}
