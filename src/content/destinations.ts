/**
 * Which decks have a destination (see src/build/content-plugin.ts). The destinations
 * themselves are `virtual:destinations`, imported lazily by the screens that show them.
 */
import deckIds from 'virtual:destination-decks';

export const DECKS_WITH_DESTINATION: readonly string[] = deckIds;
