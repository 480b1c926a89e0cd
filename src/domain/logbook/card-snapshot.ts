import type { Card } from '../cards';
import type { CardSnapshot } from '../records/entry';

export function snapshotOf(card: Card): CardSnapshot {
  return {
    deckId: card.deckId,
    cardId: card.id,
    capabilityNumber: card.capability.number,
    capabilityHeading: card.capability.heading,
    groupId: card.group.id,
    groupName: card.group.name,
    text: card.text,
  };
}
