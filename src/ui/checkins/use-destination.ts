import { useEffect, useState } from 'preact/hooks';
import type { Deck, Destination } from '../../content/schema';
import { loadDeck } from '../../state/decks';

export type LoadedDestination = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; deck: Deck; destination: Destination | undefined };

/** A deck and its destination, loaded only by the screens that show one, so it costs the rest of the app nothing. */
export function useDestination(deckId: string | undefined): LoadedDestination {
  const [loaded, setLoaded] = useState<LoadedDestination>({ state: 'loading' });
  useEffect(() => {
    if (!deckId) return;
    let live = true;
    Promise.all([import('virtual:destinations'), loadDeck(deckId)]).then(
      ([m, deck]) => live && setLoaded(deck ? { state: 'ready', deck, destination: m.default.find((d) => d.deckId === deckId) } : { state: 'failed' }),
      () => live && setLoaded({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [deckId]);
  return loaded;
}

export const DESTINATION_FAILED = 'The destination could not be loaded. The app may have been updated, or you may be offline before it finished installing. Reload the page to try again.';
