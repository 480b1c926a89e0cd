/**
 * The entry: only the styles of the first screen, whose HTML is prerendered into index.html at
 * build time. Everything else, the app's code included, loads after that first paint.
 */
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/card.css';
import './ui/styles/screens.css';

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

// On the deal screen the prerendered HTML is what a first visit shows: let the browser paint it before
// fetching the app, so the first card never waits on the network for JavaScript. Another screen
// needs the app, so it loads at once. (Pages the service worker serves run the app before their
// first frame anyway: see src/build/app-shell.ts.)
if (/^(#\/?)?$/.test(location.hash)) afterFirstPaint(start);
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
