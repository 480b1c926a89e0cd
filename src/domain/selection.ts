/** Which part of the deck is being dealt from: some capabilities and some groups. */
import type { Card } from './cards';

export interface Selection {
  /** Capability numbers to deal from; empty means all of them. */
  capabilities: number[];
  /** Group ids to deal from; empty means all of them. */
  groups: string[];
  /** Leaves out the cards made in the app that were added to a published deck. */
  withoutOwn?: true;
}

export const WHOLE_DECK: Selection = { capabilities: [], groups: [] };

export function selectCards(cards: readonly Card[], selection: Selection): Card[] {
  const caps = new Set(selection.capabilities);
  const groups = new Set(selection.groups);
  return cards.filter(
    (card) =>
      (caps.size === 0 || caps.has(card.capability.number)) &&
      (groups.size === 0 || groups.has(card.group.id)) &&
      !(selection.withoutOwn && card.own),
  );
}

/** Drops what the deck no longer has, so a stored selection never selects nothing by accident. */
export function normaliseSelection(selection: Selection, cards: readonly Card[]): Selection {
  const numbers = new Set(cards.map((c) => c.capability.number));
  const groupIds = new Set(cards.map((c) => c.group.id));
  const capabilities = [...new Set(selection.capabilities)].filter((n) => numbers.has(n)).sort((a, b) => a - b);
  const groups = [...new Set(selection.groups)].filter((g) => groupIds.has(g));
  return {
    capabilities: capabilities.length === numbers.size ? [] : capabilities,
    groups: groups.length === groupIds.size ? [] : groups,
    // Kept while the deck has none, so cards added later stay out as chosen.
    ...(selection.withoutOwn ? { withoutOwn: true as const } : {}),
  };
}
