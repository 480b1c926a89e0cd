/**
 * Loading the decks beyond the first, each once, and telling the screens when one arrives.
 * Screens read a deck through the catalog (src/domain/catalog.ts) and subscribe here to be
 * drawn again when it has loaded, or to say that it could not be.
 */
import { createStore } from 'zustand/vanilla';
import { importDeck } from '../content/decks';
import { addDeck, deckById, deckSummaries, findCard } from '../domain/catalog';
import type { Card } from '../domain/cards';
import type { Deck } from '../content/schema';
import { bindStore } from './bind-store';
import { browserStorage } from './browser-storage';

export type DeckStatus = 'loading' | 'loaded' | 'failed' | 'unknown';

interface DecksState {
  status: Record<string, DeckStatus>;
  /** Every deck has been asked for: a card not found now is in none of them. */
  searchedAll: boolean;
  /** Counts changes to the decks made in the app, so screens showing them are drawn again. */
  ownVersion: number;
}

export const useDecks = bindStore(createStore<DecksState>()(() => ({ status: {}, searchedAll: false, ownVersion: 0 })));

let ownDecks: Promise<void> | undefined;

/**
 * Set while this device holds decks or cards made in the app. Reading them brings the logbook's
 * storage (Dexie and IndexedDB), which the first screen should not wait on or compete with for
 * someone who has none; this flag costs one localStorage read.
 */
const MADE_HERE = 'power-shifting:made-here';

export function hasMadeHere(): boolean {
  return browserStorage().getItem(MADE_HERE) === '1';
}

/**
 * Reads the decks made in the app, and follows them as they change. Called when they are first
 * needed, or when the logbook's storage is opened anyway (see logbook.ts): they bring it with them.
 */
export function loadOwnDecks(): Promise<void> {
  ownDecks ??= import('./own-decks').then(
    ({ followOwnDecks }) =>
      new Promise<void>((resolve) => {
        followOwnDecks(
          (some) => {
            if (some) browserStorage().setItem(MADE_HERE, '1');
            else browserStorage().removeItem(MADE_HERE);
            useDecks.setState((s) => ({ ownVersion: s.ownVersion + 1 }));
            resolve();
          },
          () => resolve(),
        );
      }),
    () => {
      ownDecks = undefined;
    },
  );
  return ownDecks;
}

/** For screens that list the decks: reads those made in the app, only where there are some. */
export function loadOwnDecksIfAny(): void {
  if (hasMadeHere()) void loadOwnDecks();
}

const pending = new Map<string, Promise<Deck | undefined>>();

export function deckStatus(id: string): DeckStatus {
  if (deckById(id)) return 'loaded';
  // Until it has been looked for, an id may be a deck made in the app, read from storage.
  return useDecks.getState().status[id] ?? 'loading';
}

const setStatus = (id: string, status: DeckStatus) => useDecks.setState((s) => ({ status: { ...s.status, [id]: status } }));

/** The deck, loading it first if need be; undefined if there is no such deck or it could not be loaded. */
export function loadDeck(id: string): Promise<Deck | undefined> {
  const have = deckById(id);
  if (have) return Promise.resolve(have);
  let loading = pending.get(id);
  if (!loading) {
    const imported = importDeck(id);
    if (!imported) {
      // Not a published deck: perhaps one made in the app.
      return loadOwnDecks().then(() => {
        const own = deckById(id);
        setStatus(id, own ? 'loaded' : 'unknown');
        return own;
      });
    }
    setStatus(id, 'loading');
    loading = imported.then(
      (deck) => {
        addDeck(deck);
        setStatus(id, 'loaded');
        return deck;
      },
      () => {
        // A failed chunk (offline before the app finished installing) may load on a later try.
        pending.delete(id);
        setStatus(id, 'failed');
        return undefined;
      },
    );
    pending.set(id, loading);
  }
  return loading;
}

/** Loads every deck: for a card whose deck is not known (a link to a card of another deck). */
export function loadAllDecks(): Promise<void> {
  return Promise.all([loadOwnDecks(), ...deckSummaries().map((d) => loadDeck(d.id))]).then(() => useDecks.setState({ searchedAll: true }));
}

/** A card by id, in whichever deck holds it, loading the decks if need be. */
export async function resolveCard(deckId: string, cardId: string): Promise<Card | undefined> {
  const found = findCard(deckId, cardId);
  if (found) return found;
  await loadDeck(deckId);
  if (!findCard(deckId, cardId)) await loadAllDecks();
  return findCard(deckId, cardId);
}
