/** A logbook entry: a reflection on a card, or a free note, with the actions it led to. */
import * as v from 'valibot';
import type { ActionRecord } from './action';
import { Count, Id, labelled, Short, ShortList, Text, TrackedEntries } from './fields';
import { TRACKED_FIELDS, type RecordKind } from './kind';

/** What the card said when the entry was written, so the entry reads well even if the card goes. */
export const CardSnapshotSchema = v.looseObject({
  deckId: Short,
  cardId: Short,
  capabilityNumber: Count,
  capabilityHeading: Text,
  groupId: Short,
  groupName: Short,
  text: Text,
});

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
});

export type EntryRecord = v.InferOutput<typeof EntrySchema>;
export type CardSnapshot = v.InferOutput<typeof CardSnapshotSchema>;

export interface EntryWithActions {
  entry: EntryRecord;
  actions: ActionRecord[];
}

export const ENTRY: RecordKind = { noun: 'entry', plural: 'entries', fixed: TRACKED_FIELDS };
