/**
 * The deal in progress and the chosen selection. Kept in localStorage so a reload, or the
 * projector laptop going to sleep, does not lose the facilitator's place in the deck.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';
import { createJSONStorage, persist } from 'zustand/middleware';
import { browserStorage } from './browser-storage';
import { DEFAULT_DECK, deckById, deckCards } from '../domain/catalog';
import {
  createDeal,
  currentCardId,
  nextCard,
  previousCard,
  reconcileDeal,
  showDealtCard,
  type Deal,
} from '../domain/deal';
import { newSeed } from '../domain/random';
import { normaliseSelection, selectCards, WHOLE_DECK, type Selection } from '../domain/selection';

export interface DealState {
  deckId: string;
  selection: Selection;
  deal: Deal;
  /** Replaces the selection and starts a fresh deal of it. */
  choose: (selection: Selection) => void;
  /** Deals from another deck. A translation has the same card ids, so the deal carries over. */
  chooseDeck: (deckId: string) => void;
  /** Shows the next card (dealing a new one at the end of the history); returns its id. */
  next: () => string | undefined;
  previous: () => string | undefined;
  reshuffle: () => string | undefined;
  /** Keeps the cursor in step when a dealt card is reached by URL or the back button. */
  show: (cardId: string) => void;
}

function freshDeal(deckId: string, selection: Selection): Deal {
  return createDeal(
    selectCards(deckCards(deckId), selection).map((c) => c.id),
    newSeed(),
  );
}

export const useDealStore = bindStore(
  createStore<DealState>()(
  persist(
    (set, get) => {
      const step = (change: (deal: Deal) => Deal) => {
        const deal = change(get().deal);
        // The domain returns the same deal when nothing moves: then nothing re-renders.
        if (deal !== get().deal) set({ deal });
        return currentCardId(deal);
      };
      return {
        deckId: DEFAULT_DECK.id,
        selection: WHOLE_DECK,
        deal: freshDeal(DEFAULT_DECK.id, WHOLE_DECK),
        choose: (selection) => {
          const normalised = normaliseSelection(selection, deckCards(get().deckId));
          set({ selection: normalised, deal: freshDeal(get().deckId, normalised) });
        },
        chooseDeck: (id) => {
          const deckId = deckById(id).id;
          if (deckId === get().deckId) return;
          const cards = deckCards(deckId);
          const selection = normaliseSelection(get().selection, cards);
          set({ deckId, selection, deal: reconcileDeal(get().deal, selectCards(cards, selection).map((c) => c.id)) });
        },
        next: () => step(nextCard),
        previous: () => step(previousCard),
        reshuffle: () => {
          set({ deal: freshDeal(get().deckId, get().selection) });
          return step(nextCard);
        },
        show: (cardId) => {
          step((deal) => showDealtCard(deal, cardId));
        },
      };
    },
    {
      name: 'power-shifting:deal',
      version: 1,
      storage: createJSONStorage(() => browserStorage()),
      partialize: ({ deckId, selection, deal }) => ({ deckId, selection, deal }),
      merge: (stored, current) => {
        const saved = stored as Partial<Pick<DealState, 'deckId' | 'selection' | 'deal'>> | undefined;
        if (!saved?.deal || !saved.selection || typeof saved.deckId !== 'string' || !isDeal(saved.deal)) return current;
        const deckId = deckById(saved.deckId).id;
        const selection = normaliseSelection(saved.selection, deckCards(deckId));
        const ids = selectCards(deckCards(deckId), selection).map((c) => c.id);
        return { ...current, deckId, selection, deal: reconcileDeal(saved.deal, ids) };
      },
    },
  ),
  ),
);

function isDeal(value: unknown): value is Deal {
  const deal = value as Deal;
  return (
    Array.isArray(deal.order) &&
    deal.order.every((id) => typeof id === 'string') &&
    Number.isInteger(deal.dealt) &&
    Number.isInteger(deal.position) &&
    Number.isInteger(deal.seed)
  );
}
