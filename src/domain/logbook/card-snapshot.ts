import type { Card } from '../cards';
import type { CardSnapshot } from '../records/entry';
import { sectionLabel } from '../sections';

export function snapshotOf(card: Card): CardSnapshot {
  return {
    deckId: card.deckId,
    cardId: card.id,
    capabilityNumber: card.capability.number,
    capabilityHeading: card.capability.heading,
    groupId: card.group.id,
    groupName: card.group.name,
    text: card.text,
    // Only where they differ from the main deck's cards, whose snapshots keep their old shape.
    ...(card.sectionName === 'Capability' ? {} : { sectionName: card.sectionName }),
    ...(card.title === undefined ? {} : { title: card.title }),
    ...(card.own ? { own: true } : {}),
  };
}

/** "Capability 3", "Theme 5": the card's section as its deck names it; "(own card)" for one made in the app. */
export function snapshotSection(card: CardSnapshot): string {
  return `${sectionLabel(card.sectionName ?? 'Capability', card.capabilityNumber)}${card.own ? ' (own card)' : ''}`;
}

/** "for community leaders", or nothing for a card that is for everyone. */
export function snapshotFor(card: CardSnapshot): string | undefined {
  return card.groupName ? `for ${card.groupName.toLowerCase()}` : undefined;
}

/** The card's words: its title, when it has one, then its text. */
export function snapshotWords(card: CardSnapshot): string {
  return card.title ? `${card.title}: ${card.text}` : card.text;
}
