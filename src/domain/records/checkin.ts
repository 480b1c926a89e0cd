/**
 * A check-in: "Where are we now?" for a community, on a day, against a deck's destination. Each
 * destination statement and each of the deck's capabilities is rated on one scale, with an
 * optional note of the evidence.
 */
import * as v from 'valibot';
import { Day, Id, labelled, Short, Text, TrackedEntries } from './fields';
import { TRACKED_FIELDS, type StoredKind } from './kind';

export const RATINGS = ['not-yet', 'starting', 'getting-there', 'how-we-work', 'not-applicable'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  'not-yet': 'Not yet',
  starting: 'Starting',
  'getting-there': 'Getting there',
  'how-we-work': 'This is how we work',
  'not-applicable': 'Not applicable',
};

/** One statement's or capability's rating, by its id. */
export const RatingSchema = v.looseObject({
  id: Short,
  rating: v.picklist(RATINGS, `must be one of ${RATINGS.join(', ')}`),
});

/** The evidence noted for one statement or capability, by its id. */
export const EvidenceSchema = v.looseObject({ id: Short, text: Text });

export const CheckinSchema = v.object({
  ...TrackedEntries,
  /** The deck whose destination and capabilities are rated. */
  deckId: Short,
  community: labelled(Short, 'Community'),
  /** The day it describes, YYYY-MM-DD. */
  date: labelled(Day, 'Date'),
  /** The session it was done in, if any. */
  sessionId: v.optional(Id),
  /** The team space it is shared with (see domain/sync/space-scope.ts); absent: just its author's. */
  space: v.optional(Id),
  // Ratings and evidence are separate lists, so rating a statement while its note is being typed
  // elsewhere changes different fields and never makes a conflict.
  statements: v.optional(v.array(RatingSchema, 'must be a list'), []),
  statementEvidence: v.optional(v.array(EvidenceSchema, 'must be a list'), []),
  capabilities: v.optional(v.array(RatingSchema, 'must be a list'), []),
  capabilityEvidence: v.optional(v.array(EvidenceSchema, 'must be a list'), []),
  notes: v.optional(labelled(Text, 'Notes', { long: true }), ''),
});

export type CheckinRecord = v.InferOutput<typeof CheckinSchema>;
export type RatingItem = v.InferOutput<typeof RatingSchema>;
export type EvidenceItem = v.InferOutput<typeof EvidenceSchema>;

/** Which list of a check-in: the destination's statements, or the deck's capabilities. */
export type RatedPart = 'statements' | 'capabilities';
export const EVIDENCE_OF: Record<RatedPart, 'statementEvidence' | 'capabilityEvidence'> = {
  statements: 'statementEvidence',
  capabilities: 'capabilityEvidence',
};

export const CHECKIN: StoredKind = {
  noun: 'check-in',
  plural: 'check-ins',
  list: 'checkins',
  schema: CheckinSchema,
  fixed: [...TRACKED_FIELDS, 'deckId'],
  maps: { statements: 'id', statementEvidence: 'id', capabilities: 'id', capabilityEvidence: 'id' },
};

export function ratingOf(checkin: CheckinRecord, part: RatedPart, id: string): Rating | undefined {
  return checkin[part].find((r) => r.id === id)?.rating;
}

export function evidenceOf(checkin: CheckinRecord, part: RatedPart, id: string): string {
  return checkin[EVIDENCE_OF[part]].find((e) => e.id === id)?.text ?? '';
}

/** The check-in with one rating set (or cleared, with `undefined`). */
export function withRating(checkin: CheckinRecord, part: RatedPart, id: string, rating: Rating | undefined): CheckinRecord {
  const others = checkin[part].filter((r) => r.id !== id);
  return { ...checkin, [part]: rating ? [...others, { id, rating }] : others };
}

/** The check-in with one note of evidence set; an empty note is removed. */
export function withEvidence(checkin: CheckinRecord, part: RatedPart, id: string, text: string): CheckinRecord {
  const field = EVIDENCE_OF[part];
  const others = checkin[field].filter((e) => e.id !== id);
  return { ...checkin, [field]: text ? [...others, { id, text }] : others };
}
