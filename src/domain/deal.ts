/**
 * A deal: the selection shuffled once, then dealt one card at a time with no repeats, with a
 * cursor for stepping back and forward through the cards already dealt.
 */
import { shuffle } from './random';

export interface Deal {
  seed: number;
  /** Every card id of the selection, in dealing order. */
  order: string[];
  /** How many cards of `order` have been dealt. */
  dealt: number;
  /** Index of the card on show among the dealt ones; -1 before the first deal. */
  position: number;
}

export function createDeal(cardIds: readonly string[], seed: number): Deal {
  return { seed, order: shuffle(cardIds, seed), dealt: 0, position: -1 };
}

export function currentCardId(deal: Deal): string | undefined {
  return deal.position >= 0 ? deal.order[deal.position] : undefined;
}

/** Forward through the history first; deal a new card only at its end. */
export function nextCard(deal: Deal): Deal {
  if (deal.position < deal.dealt - 1) return { ...deal, position: deal.position + 1 };
  if (deal.dealt < deal.order.length) return { ...deal, dealt: deal.dealt + 1, position: deal.dealt };
  return deal;
}

export function previousCard(deal: Deal): Deal {
  return deal.position > 0 ? { ...deal, position: deal.position - 1 } : deal;
}

/** True once every card has been dealt and the last one is on show. */
export function isExhausted(deal: Deal): boolean {
  return deal.order.length > 0 && deal.dealt === deal.order.length && deal.position === deal.dealt - 1;
}

/** Moves the cursor to a card already dealt (e.g. after the browser's back button). */
export function showDealtCard(deal: Deal, cardId: string): Deal {
  const index = deal.order.indexOf(cardId);
  return index >= 0 && index < deal.dealt && index !== deal.position ? { ...deal, position: index } : deal;
}

/** Keeps a stored deal usable after the content changed: unknown cards are dropped. */
export function reconcileDeal(deal: Deal, cardIds: readonly string[]): Deal {
  const known = new Set(cardIds);
  const dealtIds = deal.order.slice(0, deal.dealt).filter((id) => known.has(id));
  const rest = deal.order.slice(deal.dealt).filter((id) => known.has(id));
  const inOrder = new Set([...dealtIds, ...rest]);
  const added = cardIds.filter((id) => !inOrder.has(id));
  const order = [...dealtIds, ...rest, ...shuffle(added, deal.seed)];
  const shown = currentCardId(deal);
  const position = shown && known.has(shown) ? dealtIds.indexOf(shown) : dealtIds.length - 1;
  return { seed: deal.seed, order, dealt: dealtIds.length, position };
}
