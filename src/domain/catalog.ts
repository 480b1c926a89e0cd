/** The decks the app holds, and finding a card in them by its id. */
import { DECKS } from '../content/decks';
import type { Deck } from '../content/schema';
import { cardsOf, type Card } from './cards';

const FIRST_DECK = DECKS[0];
if (!FIRST_DECK) throw new Error('No deck content was built into the app.');

/** The deck dealt until someone chooses another. */
export const DEFAULT_DECK: Deck = FIRST_DECK;

export function deckById(id: string): Deck {
  return DECKS.find((d) => d.id === id) ?? DEFAULT_DECK;
}

const cardCache = new Map<string, Card[]>();

/** A deck's cards, made once. */
export function deckCards(deckId: string): Card[] {
  let cards = cardCache.get(deckId);
  if (!cards) {
    cards = cardsOf(deckById(deckId));
    cardCache.set(deckId, cards);
  }
  return cards;
}

/** A card by id: in the deck named, or in any deck (an entry may point at a card of another). */
export function findCard(deckId: string, cardId: string): Card | undefined {
  return deckCards(deckId).find((c) => c.id === cardId) ?? DECKS.flatMap((d) => deckCards(d.id)).find((c) => c.id === cardId);
}
