import { useEffect } from 'preact/hooks';
import type { Deck } from '../../content/schema';
import { deckById, findCard } from '../../domain/catalog';
import type { Card } from '../../domain/cards';
import { deckStatus, loadAllDecks, loadDeck, useDecks, type DeckStatus } from '../../state/decks';

/** A deck by id, loading it on first use: undefined (with why) until it is here. */
export function useDeck(id: string): { deck: Deck | undefined; status: DeckStatus } {
  useDecks((s) => s.status[id]);
  useEffect(() => {
    void loadDeck(id);
  }, [id]);
  return { deck: deckById(id), status: deckStatus(id) };
}

/**
 * A card by id, looked for in its deck and then in every deck (a link or an entry may name a
 * card of a deck not loaded yet). `searching` stays true until every deck has been looked in.
 */
export function useCard(deckId: string, cardId: string | undefined): { card: Card | undefined; searching: boolean } {
  useDecks((s) => s.status);
  const searchedAll = useDecks((s) => s.searchedAll);
  const card = cardId ? findCard(deckId, cardId) : undefined;
  const missing = !!cardId && !card;
  useEffect(() => {
    if (missing) void loadAllDecks();
  }, [missing]);
  return { card, searching: missing && !searchedAll };
}
