import { useLayoutEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from './routes';

const listeners = new Set<() => void>();

function currentRoute(): Route {
  return parseRoute(typeof location === 'undefined' ? '' : location.hash);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useLayoutEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    // The address may have changed between the first render and now.
    update();
    // The back and forward buttons, and links, change the hash themselves.
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/**
 * Adds a history entry, so the back button returns to where the user was. The screen updates
 * at once rather than a task later on `hashchange`, which keeps dealing within one frame.
 */
export function navigate(href: string): void {
  if (location.hash === href) return;
  history.pushState(null, '', href);
  for (const listener of listeners) listener();
}
