/**
 * Serves the validated decks as `virtual:decks`, so a content mistake fails the build with a
 * message naming the file and field instead of reaching a user as a broken card. The
 * destinations are `virtual:destinations`, a module of their own so that only the screens that
 * import it (lazily) load them; `virtual:destination-decks` is just the ids of the decks that
 * have one, small enough for any screen.
 */
import type { Plugin } from 'vite';
import type { Deck, Destination } from '../content/schema.ts';
import { loadDecks, loadDestinations } from './load-decks.ts';

const DECKS = 'virtual:decks';
const DESTINATIONS = 'virtual:destinations';
const DESTINATION_DECKS = 'virtual:destination-decks';
const IDS = new Set([DECKS, DESTINATIONS, DESTINATION_DECKS]);

/** The parts of Rollup's plugin context used here. */
interface Context {
  error(message: string): never;
  addWatchFile(file: string): void;
}

export function contentPlugin(root: string): Plugin {
  const decks = (context: Context): Deck[] => {
    const result = loadDecks(`${root}/content`, root);
    if (!result.ok) context.error(`The deck content is not valid:\n  ${result.errors.join('\n  ')}`);
    for (const file of result.files) context.addWatchFile(file);
    return result.decks;
  };
  const destinations = (context: Context): Destination[] => {
    const result = loadDestinations(`${root}/content`, decks(context), root);
    if (!result.ok) context.error(`The destination content is not valid:\n  ${result.errors.join('\n  ')}`);
    for (const file of result.files) context.addWatchFile(file);
    return result.destinations;
  };
  return {
    name: 'power-shifting-content',
    resolveId(id) {
      return IDS.has(id) ? '\0' + id : undefined;
    },
    load(id) {
      switch (id) {
        case '\0' + DECKS:
          return `export default ${JSON.stringify(decks(this))};`;
        case '\0' + DESTINATIONS:
          return `export default ${JSON.stringify(destinations(this))};`;
        case '\0' + DESTINATION_DECKS:
          return `export default ${JSON.stringify(destinations(this).map((d) => d.deckId))};`;
        default:
          return undefined;
      }
    },
  };
}
