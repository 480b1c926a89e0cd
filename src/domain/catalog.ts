/**
 * The decks the app has loaded, and finding a card in them by its id. The first deck is always
 * here; the others arrive as they are loaded (src/state/decks.ts), so every lookup answers for
 * what is loaded and says "not here" (undefined) for the rest.
 */
import { DECK_INDEX, DEFAULT_DECK } from '../content/decks';
import { summaryOf, type DeckSummary } from '../content/deck-summary';
import type { Deck } from '../content/schema';
import { cardsOf, type Card } from './cards';
import { deckOfOwn, withOwnCards } from './own-decks';
import type { OwnDeckRecord } from './records/own-deck';

const loaded = new Map<string, Deck>([[DEFAULT_DECK.id, DEFAULT_DECK]]);
/** Loaded decks as shown: a published deck with its own cards added, made when first asked for. */
const shown = new Map<string, Deck>();
const cardCache = new Map<string, Card[]>();
/** Decks made in the app, as they now read. */
const own = new Map<string, DeckSummary>();
/** Own cards added to published decks, by the published deck's id. */
const additions = new Map<string, OwnDeckRecord[]>();
/** Every card made in the app, in a deck of its own or added to a published one. */
const ownCardIds = new Set<string>();

function forget(id: string): void {
  shown.delete(id);
  cardCache.delete(id);
}

/** Adds a deck once it has loaded. */
export function addDeck(deck: Deck): void {
  loaded.set(deck.id, deck);
  forget(deck.id);
}

/**
 * Replaces what was made in the app with its latest version (a deck removed elsewhere goes):
 * decks of one's own, and own cards added to published decks.
 */
export function setOwnDecks(records: readonly OwnDeckRecord[]): void {
  for (const id of [...own.keys(), ...additions.keys()]) forget(id);
  for (const id of own.keys()) loaded.delete(id);
  own.clear();
  additions.clear();
  ownCardIds.clear();
  for (const record of records) {
    if (record.addsTo !== undefined) {
      if (!DECK_INDEX.some((p) => p.id === record.addsTo)) continue;
      additions.set(record.addsTo, [...(additions.get(record.addsTo) ?? []), record]);
      forget(record.addsTo);
    } else {
      // A published deck's id is never taken over: its text does not change.
      if (DECK_INDEX.some((p) => p.id === record.id)) continue;
      const deck = deckOfOwn(record);
      own.set(deck.id, { ...summaryOf(deck), own: true });
      addDeck(deck);
    }
    for (const card of record.cards) ownCardIds.add(card.id);
  }
}

/** A card made in the app ("Own card"), not one of a published deck's. */
export function isOwnCard(cardId: string): boolean {
  return ownCardIds.has(cardId);
}

export function isOwnDeck(id: string): boolean {
  return own.has(id);
}

/** A loaded deck, or undefined while it is not (or does not exist). */
export function deckById(id: string): Deck | undefined {
  const deck = loaded.get(id);
  const added = additions.get(id);
  if (!deck || !added) return deck;
  let withOwn = shown.get(id);
  if (!withOwn) {
    withOwn = withOwnCards(deck, added);
    shown.set(id, withOwn);
  }
  return withOwn;
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
  const deck = deckById(deckId);
  if (!deck) return [];
  let cards = cardCache.get(deckId);
  if (!cards) {
    cards = cardsOf(deck, isOwnCard);
    cardCache.set(deckId, cards);
  }
  return cards;
}

/** A card by id: in the deck named, or in any loaded deck (an entry may point at a card of another). */
export function findCard(deckId: string, cardId: string): Card | undefined {
  return deckCards(deckId).find((c) => c.id === cardId) ?? [...loaded.keys()].flatMap((id) => deckCards(id)).find((c) => c.id === cardId);
}

/** How many own cards a published deck has added (none for a deck of one's own: all its cards are). */
export function addedCardCount(deckId: string): number {
  return additions.has(deckId) ? deckCards(deckId).filter((c) => c.own).length : 0;
}
