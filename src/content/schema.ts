/**
 * The written contract for deck files and destination files (see content/README.md). Validated
 * at build time and in the tests; the app itself only imports the types, so valibot never ships
 * for content.
 */
import * as v from 'valibot';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const Id = v.pipe(
  v.string('must be text'),
  v.regex(ID_PATTERN, 'must be lowercase letters, digits and single hyphens, like "cap-01-public-1"'),
);

const Text = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'));

const Language = v.pipe(
  v.string('must be text'),
  v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "en-GB" or "cy"'),
);

export const GroupSchema = v.strictObject({
  id: Id,
  name: Text,
});

export const TaskSchema = v.strictObject({
  id: Id,
  /** Required in a deck with groups, absent in one without (checked in validate.ts). */
  group: v.optional(Id),
  /** A short heading printed above the text, e.g. "Model optimism". */
  title: v.optional(Text),
  text: Text,
});

export const CapabilitySchema = v.strictObject({
  id: Id,
  number: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  heading: Text,
  /** Required in a main deck, whose printed cards all carry one (checked in validate.ts). */
  framing: v.optional(Text),
  tasks: v.pipe(v.array(TaskSchema, 'must be a list'), v.nonEmpty('must hold at least one task')),
});

export const SourceSchema = v.strictObject({
  title: Text,
  publisher: Text,
  /** Optional: some source documents carry no date, and a guessed year would be wrong. */
  year: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'))),
  note: v.optional(Text),
});

export const DeckSchema = v.strictObject({
  id: Id,
  language: Language,
  translationOf: v.optional(Id),
  /** A companion deck goes with a main deck and is listed after the main decks. */
  kind: v.optional(v.picklist(['main', 'companion'], 'must be "main" or "companion"'), 'main'),
  companionOf: v.optional(Id),
  title: Text,
  subtitle: v.optional(Text),
  /** What the deck calls its sections, in the singular: "Capability", "Theme"… */
  sectionName: v.optional(Text, 'Capability'),
  // Left out (or empty) for a deck without groups; it then reads as an empty list, so code can
  // always use deck.groups.
  groups: v.optional(v.array(GroupSchema, 'must be a list'), []),
  about: v.strictObject({
    summary: Text,
    howToUse: v.array(Text, 'must be a list'),
    source: SourceSchema,
    /** Where a reading of the source was uncertain (an OCR error, a reassembled column), in plain words. */
    readingNotes: v.optional(v.array(Text, 'must be a list')),
  }),
  capabilities: v.pipe(v.array(CapabilitySchema, 'must be a list'), v.nonEmpty('must hold at least one capability')),
});

export type Deck = v.InferOutput<typeof DeckSchema>;
export type Capability = v.InferOutput<typeof CapabilitySchema>;
export type Task = v.InferOutput<typeof TaskSchema>;
export type Group = v.InferOutput<typeof GroupSchema>;

export const StatementSchema = v.strictObject({
  id: Id,
  text: Text,
});

export const DestinationGroupSchema = v.strictObject({
  id: Id,
  name: Text,
  headline: Text,
  statements: v.pipe(v.array(StatementSchema, 'must be a list'), v.nonEmpty('must hold at least one statement')),
});

/** What a deck's destination looks like for each group of people once power has shifted. */
export const DestinationSchema = v.strictObject({
  id: Id,
  deckId: Id,
  language: Language,
  title: Text,
  about: v.strictObject({
    summary: Text,
    source: SourceSchema,
  }),
  groups: v.pipe(v.array(DestinationGroupSchema, 'must be a list'), v.nonEmpty('must hold at least one group')),
});

export type Destination = v.InferOutput<typeof DestinationSchema>;
export type DestinationGroup = v.InferOutput<typeof DestinationGroupSchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
