/**
 * A deck someone made in the app: their own sections and cards, kept as a record like an entry
 * (merge-ready, in backups) and shown everywhere as "Your deck". The same record, with `addsTo`,
 * holds a team's own cards for a published deck: shown with that deck's cards as "Own card",
 * never touching the published text (see ../own-decks.ts).
 */
import * as v from 'valibot';
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
  /** On a published deck with groups: the group the card is for (its id in that deck). */
  group: v.optional(Id),
});

export const OwnDeckSchema = v.object({
  ...TrackedEntries,
  title: Short,
  /** The published deck these cards are added to; absent for a deck of one's own. Never changes. */
  addsTo: v.optional(Id),
  /** What the deck calls its sections: "Section", "Theme"… */
  sectionName: v.optional(Short, 'Section'),
  summary: v.optional(Words, ''),
  sections: v.optional(v.pipe(v.array(OwnSectionSchema, 'must be a list'), v.maxLength(100, 'holds more than 100 sections')), []),
  cards: v.optional(v.pipe(v.array(OwnCardSchema, 'must be a list'), v.maxLength(1000, 'holds more than 1,000 cards')), []),
});

export type OwnDeckRecord = v.InferOutput<typeof OwnDeckSchema>;
export type OwnCard = v.InferOutput<typeof OwnCardSchema>;

export const OWN_DECK: StoredKind = { noun: 'deck', plural: 'decks', list: 'decks', schema: OwnDeckSchema, fixed: TRACKED_FIELDS, maps: { sections: 'id', cards: 'id' } };
