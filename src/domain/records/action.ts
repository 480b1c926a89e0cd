/** An action agreed in an entry: what, who, by when, its status and what came of it. */
import * as v from 'valibot';
import { Count, Id, labelled, OptionalDay, Short, Text, TrackedEntries } from './fields';
import { TRACKED_FIELDS, type StoredKind } from './kind';

export const ACTION_STATUSES = ['planned', 'doing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  doing: 'Doing',
  done: 'Done',
  dropped: 'Dropped',
};

export const FollowUpSchema = v.looseObject({
  happened: v.optional(labelled(Text, 'What happened', { long: true }), ''),
  learned: v.optional(labelled(Text, 'What was learned', { long: true }), ''),
});

export const ActionSchema = v.object({
  ...TrackedEntries,
  /** The entry it belongs to: part of its identity, never changed. */
  entryId: Id,
  what: v.optional(labelled(Text, 'Action'), ''),
  owner: v.optional(labelled(Short, 'Who'), ''),
  /** A calendar day, YYYY-MM-DD, or empty. */
  due: v.optional(labelled(OptionalDay, 'By when'), ''),
  status: v.optional(labelled(v.picklist(ACTION_STATUSES, `must be one of ${ACTION_STATUSES.join(', ')}`), 'Status', { choices: STATUS_LABELS }), 'planned'),
  followUp: v.optional(FollowUpSchema, { happened: '', learned: '' }),
  /** Position in its entry's list of actions. */
  order: v.optional(Count, 0),
  /** The team space it is shared with, when not its entry's (see domain/sync/space-scope.ts). */
  space: v.optional(Id),
});

export type ActionRecord = v.InferOutput<typeof ActionSchema>;
export type FollowUp = v.InferOutput<typeof FollowUpSchema>;

export const ACTION: StoredKind = { noun: 'action', plural: 'actions', list: 'actions', schema: ActionSchema, fixed: [...TRACKED_FIELDS, 'entryId'] };
