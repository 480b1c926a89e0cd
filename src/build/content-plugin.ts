/**
 * Serves the validated decks, so a content mistake fails the build with a message naming the
 * file and field instead of reaching a user as a broken card. The first screen imports only
 * `virtual:deck-index` (every deck's summary) and `virtual:default-deck` (the first deck's
 * cards); `virtual:deck-loaders` imports each other deck, `virtual:deck/<id>`, as a chunk of its
 * own, so a companion deck costs nothing until it is chosen, browsed or printed. The
 * destinations are `virtual:destinations`, a module of their own so that only the screens that
 * import it (lazily) load them; `virtual:destination-decks` is just the ids of the decks that
 * have one, small enough for any screen.
 */
import type { Plugin } from 'vite';
import { summaryOf } from '../content/deck-summary.ts';
import type { Deck, Destination } from '../content/schema.ts';
import { loadDecks, loadDestinations } from './load-decks.ts';

const INDEX = 'virtual:deck-index';
const DEFAULT_DECK = 'virtual:default-deck';
const LOADERS = 'virtual:deck-loaders';
const DECK = 'virtual:deck/';
const DESTINATIONS = 'virtual:destinations';
const DESTINATION_DECKS = 'virtual:destination-decks';
const IDS = new Set([INDEX, DEFAULT_DECK, LOADERS, DESTINATIONS, DESTINATION_DECKS]);

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
      return IDS.has(id) || id.startsWith(DECK) ? '\0' + id : undefined;
    },
    load(id) {
      if (id.startsWith('\0' + DECK)) {
        const deckId = id.slice(1 + DECK.length);
        const deck = decks(this).find((d) => d.id === deckId);
        if (!deck) this.error(`There is no deck "${deckId}" in the content.`);
        return `export default ${JSON.stringify(deck)};`;
      }
      switch (id) {
        case '\0' + INDEX:
          return `export default ${JSON.stringify(decks(this).map(summaryOf))};`;
        case '\0' + DEFAULT_DECK:
          return `export default ${JSON.stringify(decks(this)[0])};`;
        case '\0' + LOADERS: {
          const loaders = decks(this)
            .slice(1)
            .map((d) => `${JSON.stringify(d.id)}: () => import(${JSON.stringify(DECK + d.id)})`);
          return `export default {${loaders.join(', ')}};`;
        }
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
