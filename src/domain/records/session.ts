/** A session: a supervision, a workshop or personal time with the deck, and what happened in it. */
import * as v from 'valibot';
import { Day, labelled, OptionalDay, Short, ShortList, Text, Time, TrackedEntries } from './fields';
import { TRACKED_FIELDS, type StoredKind } from './kind';

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

export const SUPERVISION_TYPES = ['scheduled', 'ad-hoc', 'group'] as const;
export type SupervisionType = (typeof SUPERVISION_TYPES)[number];
export const SUPERVISION_TYPE_LABELS: Record<SupervisionType, string> = { scheduled: 'Scheduled', 'ad-hoc': 'Ad hoc', group: 'Group' };

/** Someone in a supervision, as the record names them. */
export const PersonSchema = v.looseObject({ name: v.optional(Short, ''), role: v.optional(Short, '') });

export const PARTIES = ['supervisor', 'supervisee'] as const;
export type Party = (typeof PARTIES)[number];

/**
 * One party's agreement to the record: who, when, and the record as it read then, so that a
 * change made afterwards shows.
 */
export const ConfirmationSchema = v.looseObject({
  party: v.picklist(PARTIES, 'must be supervisor or supervisee'),
  name: Short,
  at: Time,
  record: v.optional(Text, ''),
});

const ClockTime = v.union([v.literal(''), v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/))], 'must be empty or a time like 14:30');

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
  notes: v.optional(labelled(Text, 'Session notes', { long: true }), ''),
  endedAt: v.optional(Time),
  // A supervision record's own parts (typical UK templates; SCIE: both parties hold a copy).
  /** Start time, HH:MM, or empty. */
  time: v.optional(ClockTime, ''),
  supervisionType: v.optional(v.picklist(SUPERVISION_TYPES, `must be one of ${SUPERVISION_TYPES.join(', ')}`), 'scheduled'),
  supervisor: v.optional(PersonSchema, { name: '', role: '' }),
  supervisee: v.optional(PersonSchema, { name: '', role: '' }),
  wellbeing: v.optional(labelled(Text, 'Wellbeing', { long: true }), ''),
  development: v.optional(labelled(Text, 'Development', { long: true }), ''),
  /** The date agreed for the next session, or empty. */
  nextDate: v.optional(OptionalDay, ''),
  confirmations: v.optional(v.array(ConfirmationSchema, 'must be a list'), []),
});

export type SessionRecord = v.InferOutput<typeof SessionSchema>;
export type DealtCard = v.InferOutput<typeof DealtCardSchema>;
export type CardNote = v.InferOutput<typeof CardNoteSchema>;

export const SESSION: StoredKind = {
  noun: 'session',
  plural: 'sessions',
  list: 'sessions',
  schema: SessionSchema,
  fixed: TRACKED_FIELDS,
  maps: { cardNotes: 'cardId', confirmations: 'party' },
  sets: { cards: (card) => `${String(card.deckId)}/${String(card.cardId)}` },
};
