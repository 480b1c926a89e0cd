/** A card is one task seen with everything needed to show it: its capability and its group. */
import type { Capability, Deck, Group } from '../content/schema';

export interface Card {
  id: string;
  deckId: string;
  /** The deck's language tag: cards from a translation are marked up in their own language. */
  language: string;
  /** A short heading printed above the text, when the card has one (companion decks). */
  title?: string;
  text: string;
  /** What the deck calls its sections: "Capability", "Theme"… */
  sectionName: string;
  capability: Capability;
  /** The unnamed group (id "") for a card of a deck without groups: see hasGroup. */
  group: Group;
  /** A card made in the app ("Own card"): in a deck of one's own, or added to a published deck. */
  own?: true;
}

/** A card of a deck without groups (most companion decks) is for everyone: it names no group. */
const NO_GROUP: Group = { id: '', name: '' };

export function cardsOf(deck: Deck, isOwn: (taskId: string) => boolean = () => false): Card[] {
  const groups = new Map(deck.groups.map((g) => [g.id, g]));
  return deck.capabilities.flatMap((capability) =>
    capability.tasks.map((task) => ({
      id: task.id,
      deckId: deck.id,
      language: deck.language,
      // Present only when the card has one: cards without a title keep exactly their old shape.
      ...(task.title === undefined ? {} : { title: task.title }),
      text: task.text,
      sectionName: deck.sectionName,
      capability,
      // The build guarantees every task's group exists, and that only decks with groups name one.
      group: task.group === undefined ? NO_GROUP : (groups.get(task.group) ?? { id: task.group, name: task.group }),
      ...(isOwn(task.id) ? { own: true as const } : {}),
    })),
  );
}

/** The card names a group of people it is for ("For public service leaders"). */
export function hasGroup(card: { group: Group }): boolean {
  return card.group.id !== '';
}

export function capabilityByNumber(deck: Deck, number: number): Capability | undefined {
  return deck.capabilities.find((c) => c.number === number);
}
