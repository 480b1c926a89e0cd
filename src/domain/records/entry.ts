/** A logbook entry: a reflection on a card, or a free note, with the actions it led to. */
import * as v from 'valibot';
import { TEMPLATE_IDS } from '../logbook/templates';
import type { ActionRecord } from './action';
import { Count, Id, labelled, Short, ShortList, Text, TrackedEntries } from './fields';
import { TRACKED_FIELDS, type StoredKind } from './kind';

/** What the card said when the entry was written, so the entry reads well even if the card goes. */
export const CardSnapshotSchema = v.looseObject({
  deckId: Short,
  cardId: Short,
  capabilityNumber: Count,
  capabilityHeading: Text,
  /** Empty for a card of a deck without groups. */
  groupId: Short,
  groupName: Short,
  text: Text,
  /** What the deck calls its sections, when not "Capability" (a companion deck's "Theme"). */
  sectionName: v.optional(Short),
  /** The card's heading, when it has one. */
  title: v.optional(Text),
  /** A card made in the app ("Own card"), not a published one. */
  own: v.optional(v.boolean('must be true or false')),
});

/** An answer to one of a reflective model's headings (see domain/logbook/templates.ts). */
export const AnswerSchema = v.looseObject({ prompt: Short, text: Text });

/** The Nursing and Midwifery Council Code's four themes, for a revalidation reflective account. */
export const CODE_THEMES = ['prioritise-people', 'practise-effectively', 'preserve-safety', 'promote-professionalism'] as const;
export const CODE_THEME_LABELS: Record<(typeof CODE_THEMES)[number], string> = {
  'prioritise-people': 'Prioritise people',
  'practise-effectively': 'Practise effectively',
  'preserve-safety': 'Preserve safety',
  'promote-professionalism': 'Promote professionalism and trust',
};

/** Hours as typed: empty, or a number with up to two decimals (1.5). */
const Hours = v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{1,4}(\.\d{1,2})?$/))], 'must be empty or a number of hours like 1.5');

export const EntrySchema = v.object({
  ...TrackedEntries,
  /** The card reflected on; absent for a free note. */
  card: v.optional(CardSnapshotSchema),
  /** A free note may point at a capability without a card. */
  capabilityNumber: v.optional(Count),
  /** The session it was written in, if any. */
  sessionId: v.optional(Id),
  community: v.optional(labelled(Text, 'Community'), ''),
  /** The card's question, "What does this look like where you work?" */
  reflection: v.optional(labelled(Text, 'What it looks like where we work', { long: true }), ''),
  notes: v.optional(labelled(Text, 'Notes', { long: true }), ''),
  tags: v.optional(labelled(ShortList(200), 'Tags'), []),
  /** How the reflection is written (see domain/logbook/templates.ts), and its answers heading by heading. */
  template: v.optional(v.picklist(TEMPLATE_IDS, `must be one of ${TEMPLATE_IDS.join(', ')}`), 'card'),
  answers: v.optional(v.array(AnswerSchema, 'must be a list'), []),
  /** Left out of everything shared: session notes, records for others, a shared space. */
  private: v.optional(v.boolean('must be true or false'), false),
  /** For a CPD record: hours spent, and of those, hours learning with others. */
  cpdHours: v.optional(Hours, ''),
  participatoryHours: v.optional(Hours, ''),
  /** For an NMC reflective account: the Code's themes this is relevant to, and how. */
  codeThemes: v.optional(v.array(v.picklist(CODE_THEMES, 'must be one of the Code’s themes'), 'must be a list'), []),
  codeRelevance: v.optional(Text, ''),
  /** The team space it is shared with (see domain/sync/space-scope.ts); absent: just its author's. */
  space: v.optional(Id),
});

export type EntryRecord = v.InferOutput<typeof EntrySchema>;
export type CardSnapshot = v.InferOutput<typeof CardSnapshotSchema>;

export interface EntryWithActions {
  entry: EntryRecord;
  actions: ActionRecord[];
}

export const ENTRY: StoredKind = { noun: 'entry', plural: 'entries', list: 'entries', schema: EntrySchema, fixed: TRACKED_FIELDS, maps: { answers: 'prompt' } };
