/**
 * The deal in progress and the chosen selection. Kept in localStorage so a reload, or the
 * projector laptop going to sleep, does not lose the facilitator's place in the deck.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';
import { createJSONStorage, persist } from 'zustand/middleware';
import { browserStorage } from './browser-storage';
import { DEFAULT_DECK } from '../content/decks';
import { deckById, deckCards } from '../domain/catalog';
import { hasMadeHere, loadDeck, loadOwnDecks, useDecks } from './decks';
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
  /**
   * Deals from another deck, once it has loaded (at once if it is loaded already). A translation
   * has the same card ids, so the deal carries over.
   */
  chooseDeck: (deckId: string) => Promise<void>;
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
        chooseDeck: async (id) => {
          if (id === get().deckId) return;
          const deck = deckById(id) ?? (await loadDeck(id));
          if (!deck) return;
          set({ deckId: deck.id, ...settled(deck.id, get().selection, get().deal) });
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
        const { deckId } = saved;
        if (deckById(deckId) && !hasMadeHere()) return { ...current, deckId, ...settled(deckId, saved.selection, saved.deal) };
        if (deckById(deckId)) {
          // The deal may hold own cards of this deck: read them before fitting the deal to its cards.
          void loadOwnDecks().then(() => {
            const state = useDealStore.getState();
            if (state.deckId === deckId) useDealStore.setState(settled(deckId, state.selection, state.deal));
          });
          return { ...current, deckId, selection: saved.selection, deal: saved.deal };
        }
        // The chosen deck is not in the first screen's code (or was made in the app): deal on from
        // where it was once it loads, or from the first deck if it has gone.
        void loadDeck(deckId).then((deck) => {
          const state = useDealStore.getState();
          if (state.deckId !== deckId) return;
          if (deck) useDealStore.setState(settled(deckId, state.selection, state.deal));
          else useDealStore.setState({ deckId: DEFAULT_DECK.id, ...settled(DEFAULT_DECK.id, WHOLE_DECK, state.deal) });
        });
        return { ...current, deckId, selection: saved.selection, deal: saved.deal };
      },
    },
  ),
  ),
);

// Cards made in the app join the deal as they are written, at the end of the cards still to be
// dealt, and leave it when removed: no reshuffle, so the group keeps its place.
useDecks.subscribe((state, previous) => {
  if (state.ownVersion === previous.ownVersion) return;
  const { deckId, selection, deal } = useDealStore.getState();
  if (!deckById(deckId)) return;
  const next = settled(deckId, selection, deal);
  if (next.deal.order.join() !== deal.order.join() || next.deal.position !== deal.position) useDealStore.setState(next);
});

/** The selection and deal made to fit a (loaded) deck's cards. */
function settled(deckId: string, selection: Selection, deal: Deal): Pick<DealState, 'selection' | 'deal'> {
  const cards = deckCards(deckId);
  const fitted = normaliseSelection(selection, cards);
  return { selection: fitted, deal: reconcileDeal(deal, selectCards(cards, fitted).map((c) => c.id)) };
}

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
