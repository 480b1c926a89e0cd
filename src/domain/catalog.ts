/**
 * The decks the app has loaded, and finding a card in them by its id. The first deck is always
 * here; the others arrive as they are loaded (src/state/decks.ts), so every lookup answers for
 * what is loaded and says "not here" (undefined) for the rest.
 */
import { DECK_INDEX, DEFAULT_DECK } from '../content/decks';
import { summaryOf, type DeckSummary } from '../content/deck-summary';
import type { Deck } from '../content/schema';
import { cardsOf, type Card } from './cards';

const loaded = new Map<string, Deck>([[DEFAULT_DECK.id, DEFAULT_DECK]]);
const cardCache = new Map<string, Card[]>();
/** Decks made in the app, as they now read. */
const own = new Map<string, DeckSummary>();

/** Adds a deck once it has loaded. */
export function addDeck(deck: Deck): void {
  loaded.set(deck.id, deck);
  cardCache.delete(deck.id);
}

/** Replaces the decks made in the app with their latest versions (one removed elsewhere goes). */
export function setOwnDecks(decks: readonly Deck[]): void {
  for (const id of own.keys()) {
    loaded.delete(id);
    cardCache.delete(id);
  }
  own.clear();
  // A published deck's id is never taken over: its text does not change.
  for (const deck of decks.filter((d) => !DECK_INDEX.some((p) => p.id === d.id))) {
    own.set(deck.id, { ...summaryOf(deck), own: true });
    addDeck(deck);
  }
}

export function isOwnDeck(id: string): boolean {
  return own.has(id);
}

/** A loaded deck, or undefined while it is not (or does not exist). */
export function deckById(id: string): Deck | undefined {
  return loaded.get(id);
}

/** Every deck the app knows, loaded or not, in the order it lists them. */
export function deckSummaries(): readonly DeckSummary[] {
  return [...DECK_INDEX, ...own.values()];
}

export function deckSummary(id: string): DeckSummary | undefined {
  return DECK_INDEX.find((d) => d.id === id) ?? own.get(id);
}

/** A deck's cards, made once; none while the deck is not loaded. */
export function deckCards(deckId: string): Card[] {
  const deck = loaded.get(deckId);
  if (!deck) return [];
  let cards = cardCache.get(deckId);
  if (!cards) {
    cards = cardsOf(deck);
    cardCache.set(deckId, cards);
  }
  return cards;
}

/** A card by id: in the deck named, or in any loaded deck (an entry may point at a card of another). */
export function findCard(deckId: string, cardId: string): Card | undefined {
  return deckCards(deckId).find((c) => c.id === cardId) ?? [...loaded.keys()].flatMap((id) => deckCards(id)).find((c) => c.id === cardId);
}
