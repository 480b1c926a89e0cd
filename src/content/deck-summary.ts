/**
 * What the app knows of a deck before its cards are loaded: enough to list it, choose it and
 * name it. The first screen carries these for every deck and the cards of the first deck only.
 */
import type { Deck } from './schema';

export interface DeckSummary {
  id: string;
  title: string;
  language: string;
  kind: Deck['kind'];
  companionOf?: string;
  translationOf?: string;
  sectionName: string;
  sections: number;
  cards: number;
  /** A deck made in the app ("Your deck"), not one of the published decks. */
  own?: true;
}

export function summaryOf(deck: Deck): DeckSummary {
  return {
    id: deck.id,
    title: deck.title,
    language: deck.language,
    kind: deck.kind,
    ...(deck.companionOf === undefined ? {} : { companionOf: deck.companionOf }),
    ...(deck.translationOf === undefined ? {} : { translationOf: deck.translationOf }),
    sectionName: deck.sectionName,
    sections: deck.capabilities.length,
    cards: deck.capabilities.reduce((n, c) => n + c.tasks.length, 0),
  };
}
