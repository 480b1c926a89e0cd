/**
 * Serves the validated decks, so a content mistake fails the build with a message naming the
 * file and field instead of reaching a user as a broken card. The first screen imports only
 * `virtual:deck-index` (every deck's summary) and `virtual:default-deck` (the first deck's
 * cards); `virtual:deck-loaders` loads each other deck when it is first chosen, browsed or
 * printed, so a companion deck costs nothing before. A production build emits each as a data
 * file (`assets/deck-<id>-<hash>.json`, precached with the rest): a deck is text, not code, and
 * the browser parses JSON faster than a script holding the same object. The dev server and the
 * tests import `virtual:deck/<id>` instead. The
 * destinations are `virtual:destinations`, a module of their own so that only the screens that
 * import it (lazily) load them; `virtual:destination-decks` is just the ids of the decks that
 * have one, small enough for any screen.
 */
import { createHash } from 'node:crypto';
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

/** The loaders' code when decks are data files: a missing file is an error, not a deck of nothing. */
const FETCH_DECK = `const fetchDeck = (url) => fetch(url).then((r) => { if (!r.ok) throw new Error('The deck could not be loaded (' + r.status + ').'); return r.json(); });`;

export function contentPlugin(root: string): Plugin {
  let asData: { base: string } | undefined;
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
    configResolved(config) {
      asData = config.command === 'build' && !config.build.ssr ? { base: config.base } : undefined;
    },
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
          const others = decks(this).slice(1);
          if (!asData) {
            const loaders = others.map((d) => `${JSON.stringify(d.id)}: () => import(${JSON.stringify(DECK + d.id)}).then((m) => m.default)`);
            return `export default {${loaders.join(', ')}};`;
          }
          const { base } = asData;
          const loaders = others.map((d) => {
            const source = JSON.stringify(d);
            const fileName = `assets/deck-${d.id}-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.json`;
            this.emitFile({ type: 'asset', fileName, source });
            return `${JSON.stringify(d.id)}: () => fetchDeck(${JSON.stringify(base + fileName)})`;
          });
          return `${FETCH_DECK}\nexport default {${loaders.join(', ')}};`;
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
