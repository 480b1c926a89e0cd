/** A session: a supervision, a workshop or personal time with the deck, and what happened in it. */
import * as v from 'valibot';
import { Day, Short, ShortList, Text, Time, TrackedEntries } from './fields';
import { TRACKED_FIELDS, type RecordKind } from './kind';

export const SESSION_KINDS = ['supervision', 'workshop', 'personal'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const KIND_LABELS: Record<SessionKind, string> = {
  supervision: 'Supervision',
  workshop: 'Workshop',
  personal: 'Personal',
};

export const SESSION_STATUSES = ['active', 'paused', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A card shown in the session. */
export const DealtCardSchema = v.looseObject({
  deckId: Short,
  cardId: Short,
  /** When it was first shown in the session. */
  at: Time,
});

/** What a group said about one card (workshops). */
export const CardNoteSchema = v.looseObject({ cardId: Short, text: Text });

export const SessionSchema = v.object({
  ...TrackedEntries,
  kind: v.picklist(SESSION_KINDS, `must be one of ${SESSION_KINDS.join(', ')}`),
  title: Short,
  /** Calendar day, YYYY-MM-DD. */
  date: Day,
  participants: v.optional(ShortList(500), []),
  /** Sessions with the same series continue each other, e.g. "Supervision with A.B.". */
  series: v.optional(Short, ''),
  status: v.picklist(SESSION_STATUSES, `must be one of ${SESSION_STATUSES.join(', ')}`),
  cards: v.optional(v.array(DealtCardSchema, 'must be a list'), []),
  cardNotes: v.optional(v.array(CardNoteSchema, 'must be a list'), []),
  notes: v.optional(Text, ''),
  endedAt: v.optional(Time),
});

export type SessionRecord = v.InferOutput<typeof SessionSchema>;
export type DealtCard = v.InferOutput<typeof DealtCardSchema>;
export type CardNote = v.InferOutput<typeof CardNoteSchema>;

export const SESSION: RecordKind = {
  noun: 'session',
  plural: 'sessions',
  fixed: TRACKED_FIELDS,
  maps: { cardNotes: 'cardId' },
  sets: { cards: (card) => `${String(card.deckId)}/${String(card.cardId)}` },
};
