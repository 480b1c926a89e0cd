/**
 * The decks, validated by the build (see src/build/content-plugin.ts): the first deck itself,
 * and every other deck loaded on first use.
 */
import index from 'virtual:deck-index';
import defaultDeck from 'virtual:default-deck';
import loaders from 'virtual:deck-loaders';
import type { DeckSummary } from './deck-summary';
import type { Deck } from './schema';

export const DEFAULT_DECK: Deck = defaultDeck;

export const DECK_INDEX: readonly DeckSummary[] = index;

/** Loads a deck other than the first; undefined for an id the build does not know. */
export function importDeck(id: string): Promise<Deck> | undefined {
  return loaders[id]?.();
}
