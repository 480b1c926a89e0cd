/**
 * The entry: only the styles of the first screen, whose HTML is prerendered into index.html at
 * build time. Everything else, the app's code included, loads after that first paint.
 */
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/card.css';
import './ui/styles/screens.css';
import { DEAL_STORAGE_KEY } from './state/deal-key';

// Keys pressed on the prerendered screen before the app has loaded are kept and replayed, so an
// eager Space on a slow phone still deals a card.
const early: string[] = [];
const keep = (event: KeyboardEvent) => {
  const target = event.target as HTMLElement | null;
  if (event.ctrlKey || event.metaKey || event.altKey || target?.closest?.('input, textarea, select, button, a')) return;
  early.push(event.key);
  if (event.key === ' ') event.preventDefault();
};
document.addEventListener('keydown', keep);

const start = () =>
  void import('./boot').then(() => {
    document.removeEventListener('keydown', keep);
    for (const key of early) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

// A first visit to the deal screen sees exactly the prerendered HTML: let the browser paint it
// before fetching the app, so the first card never waits on the network for JavaScript. A
// stored deal or another screen needs the app to show, so it loads at once.
const prerenderShows = /^(#\/?)?$/.test(location.hash) && !hasStoredDeal();
if (prerenderShows) afterFirstPaint(start);
else start();

/** Runs once the browser reports the first contentful paint (or soon, if it never says). */
function afterFirstPaint(run: () => void): void {
  if (document.visibilityState !== 'visible' || typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    setTimeout(run);
    return;
  }
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    run();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length) once();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(once, 300);
}

function hasStoredDeal(): boolean {
  try {
    return localStorage.getItem(DEAL_STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}
