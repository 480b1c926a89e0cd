import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from './routes';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(typeof location === 'undefined' ? '' : (location.hash ?? '')));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Adds a history entry, so the back button returns to where the user was. */
export function navigate(href: string): void {
  if (location.hash !== href) location.hash = href;
}
