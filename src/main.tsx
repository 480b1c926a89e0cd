/**
 * The entry: only the styles of the first screen, whose HTML is prerendered into index.html at
 * build time. Everything else, the app's code included, loads after that first paint.
 */
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/card.css';
import './ui/styles/screens.css';

// Keys pressed and buttons tapped on the prerendered screen before the app has loaded are kept
// and replayed once it has, so an eager Space or tap on "Deal a card" on a slow phone still deals.
const early: (() => void)[] = [];
/** The button whose tap was queued last, while nothing else has been queued after it. */
let lastTapped: Element | undefined;
const keep = (event: KeyboardEvent) => {
  const target = event.target as HTMLElement | null;
  if (event.ctrlKey || event.metaKey || event.altKey || target?.closest?.('input, textarea, select, button, a')) return;
  const { key } = event;
  early.push(() => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
  lastTapped = undefined;
  if (key === ' ') event.preventDefault();
};
const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('#app button')];
const keepTap = (event: MouseEvent) => {
  const button = (event.target as Element | null)?.closest?.('#app button');
  // Taps repeated on a button that seemed not to answer are impatience, not a wish to deal twice.
  if (!(button instanceof HTMLButtonElement) || button.disabled || button === lastTapped) return;
  lastTapped = button;
  // The app keeps the prerendered nodes or draws the same screen: the button is found again by
  // its place, and only pressed if it still says the same thing.
  const place = buttons().indexOf(button);
  const label = button.textContent;
  early.push(() => {
    const again = buttons()[place];
    if (again && !again.disabled && again.textContent === label) again.click();
  });
};
document.addEventListener('keydown', keep);
document.addEventListener('click', keepTap);

const start = () =>
  void import('./boot').then(() => {
    document.removeEventListener('keydown', keep);
    document.removeEventListener('click', keepTap);
    for (const replay of early) replay();
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
