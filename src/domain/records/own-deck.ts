/**
 * A deck someone made in the app: their own sections and cards, kept as a record like an entry
 * (merge-ready, in backups) and shown everywhere as "Your deck". It never touches the published
 * decks' text.
 */
import * as v from 'valibot';
import type { Deck } from '../../content/schema';
import { Id, Short, Text, TrackedEntries } from './fields';
import { TRACKED_FIELDS, type StoredKind } from './kind';

const Number = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'), v.maxValue(999, 'is too large'));
const Words = v.pipe(Text, v.maxLength(2000, 'is longer than 2,000 characters'));

export const OwnSectionSchema = v.looseObject({ id: Id, number: Number, heading: v.optional(Short, '') });
export const OwnCardSchema = v.looseObject({
  id: Id,
  /** The number of the section it is in. */
  section: Number,
  title: v.optional(Short, ''),
  text: Words,
});

export const OwnDeckSchema = v.object({
  ...TrackedEntries,
  title: Short,
  /** What the deck calls its sections: "Section", "Theme"… */
  sectionName: v.optional(Short, 'Section'),
  summary: v.optional(Words, ''),
  sections: v.optional(v.pipe(v.array(OwnSectionSchema, 'must be a list'), v.maxLength(100, 'holds more than 100 sections')), []),
  cards: v.optional(v.pipe(v.array(OwnCardSchema, 'must be a list'), v.maxLength(1000, 'holds more than 1,000 cards')), []),
});

export type OwnDeckRecord = v.InferOutput<typeof OwnDeckSchema>;
export type OwnCard = v.InferOutput<typeof OwnCardSchema>;

export const OWN_DECK: StoredKind = { noun: 'deck', plural: 'decks', list: 'decks', schema: OwnDeckSchema, fixed: TRACKED_FIELDS, maps: { sections: 'id', cards: 'id' } };

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
      tasks: record.cards
        .filter((c) => c.section === number)
        .map((c) => ({ id: c.id, text: c.text, ...(c.title ? { title: c.title } : {}) })),
    })),
  };
}
