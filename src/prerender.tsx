/** Build-time only: the first screen as HTML, so it paints before any JavaScript runs. */
import { renderToString } from 'preact-render-to-string';
import { App } from './ui/shell/app';

export function prerender(): { html: string } {
  return { html: renderToString(<App />) };
}
