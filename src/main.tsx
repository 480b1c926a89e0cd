import { render } from 'preact';
import { App } from './ui/shell/app';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/card.css';
import './ui/styles/screens.css';
import './ui/styles/logbook.css';
import './ui/styles/sessions.css';
import './ui/styles/workshop.css';

const root = document.getElementById('app');
if (root) render(<App />, root);

// The service worker is not needed for the first card: start it once the page has loaded.
if (document.readyState === 'complete') void import('./pwa/register').then((m) => m.startPwa());
else window.addEventListener('load', () => void import('./pwa/register').then((m) => m.startPwa()), { once: true });
