/**
 * What is made in the app, shown as decks: a deck of one's own as a deck like the published ones,
 * and a published deck with a team's own cards added. No schema here: the first screen shows
 * these (src/domain/catalog.ts) without loading the record format.
 */
import type { Deck } from '../content/schema';
import type { OwnCard, OwnDeckRecord } from './records/own-deck';

/** A card just added, before anything is typed in it, is not dealt or shown. */
const hasWords = (card: OwnCard) => card.text.trim() !== '' || card.title.trim() !== '';

const taskOf = (card: OwnCard, group?: string) => ({ id: card.id, text: card.text, ...(card.title ? { title: card.title } : {}), ...(group ? { group } : {}) });

/**
 * A published deck with a team's own cards after its own in each section (from every record
 * adding to it: two devices that each started adding cards offline hold one each). A new deck object:
 * the published one is left as it is. A card in a section the deck does not have is left out;
 * on a deck with groups, one for no group (or one the deck lacks) goes to the first.
 */
export function withOwnCards(deck: Deck, records: readonly OwnDeckRecord[]): Deck {
  const cards = records.flatMap((r) => r.cards).filter(hasWords);
  if (cards.length === 0) return deck;
  const groupOf = (card: OwnCard) => (deck.groups.length === 0 ? undefined : deck.groups.some((g) => g.id === card.group) ? card.group : deck.groups[0]?.id);
  return {
    ...deck,
    capabilities: deck.capabilities.map((capability) => {
      const added = cards.filter((c) => c.section === capability.number);
      return added.length ? { ...capability, tasks: [...capability.tasks, ...added.map((c) => taskOf(c, groupOf(c)))] } : capability;
    }),
  };
}

/** Your deck as the app shows any deck: each section with its cards, in number order. */
export function deckOfOwn(record: OwnDeckRecord): Deck {
  const numbers = [...new Set([...record.sections.map((s) => s.number), ...record.cards.map((c) => c.section)])].sort((a, b) => a - b);
  return {
    id: record.id,
    language: 'en-GB',
    kind: 'main',
    title: record.title || 'Untitled deck',
    sectionName: record.sectionName || 'Section',
    groups: [],
    about: {
      summary: record.summary || 'A deck made in this app.',
      howToUse: [],
      source: { title: record.title || 'Untitled deck', publisher: 'Your own deck, made in this app' },
    },
    capabilities: numbers.map((number) => ({
      id: `${record.id}-section-${number}`,
      number,
      heading: record.sections.find((s) => s.number === number)?.heading || `${record.sectionName || 'Section'} ${number}`,
      tasks: record.cards.filter((c) => c.section === number && hasWords(c)).map((c) => taskOf(c)),
    })),
  };
}
