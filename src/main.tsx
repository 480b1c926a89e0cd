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

void import('./boot').then((m) => {
  document.removeEventListener('keydown', keep);
  m.boot();
  for (const key of early) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
});
