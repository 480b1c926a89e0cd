import { useEffect, useState } from 'preact/hooks';
import type { Destination } from '../../content/schema';

export type LoadedDestination = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; destination: Destination | undefined };

/** A deck's destination, loaded only by the screens that show one, so it costs the rest of the app nothing. */
export function useDestination(deckId: string | undefined): LoadedDestination {
  const [loaded, setLoaded] = useState<LoadedDestination>({ state: 'loading' });
  useEffect(() => {
    if (!deckId) return;
    let live = true;
    import('virtual:destinations').then(
      (m) => live && setLoaded({ state: 'ready', destination: m.default.find((d) => d.deckId === deckId) }),
      () => live && setLoaded({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [deckId]);
  return loaded;
}

export const DESTINATION_FAILED = 'The destination could not be loaded. The app may have been updated, or you may be offline before it finished installing. Reload the page to try again.';
