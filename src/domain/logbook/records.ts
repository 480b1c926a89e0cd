/**
 * What the logbook stores. Every record has a string id, timestamps and a `deleted` tombstone so
 * that backups can be merged by id later ("newer updatedAt wins") and deletions travel with them.
 */

export const ACTION_STATUSES = ['planned', 'doing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  doing: 'Doing',
  done: 'Done',
  dropped: 'Dropped',
};

export interface Tracked {
  id: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  /** 1 once deleted (IndexedDB cannot index booleans). Kept so a merge can respect it. */
  deleted: 0 | 1;
}

/** What the card said when the entry was written, so the entry reads well even if the card goes. */
export interface CardSnapshot {
  deckId: string;
  cardId: string;
  capabilityNumber: number;
  capabilityHeading: string;
  groupId: string;
  groupName: string;
  text: string;
}

export interface EntryRecord extends Tracked {
  /** The card reflected on; absent for a free note. */
  card?: CardSnapshot;
  /** A free note may point at a capability without a card. */
  capabilityNumber?: number;
  /** The session it was written in, if any. */
  sessionId?: string;
  community: string;
  /** "What does this look like where you work?" */
  reflection: string;
  notes: string;
  tags: string[];
}

export interface FollowUp {
  happened: string;
  learned: string;
}

export interface ActionRecord extends Tracked {
  entryId: string;
  what: string;
  owner: string;
  /** A calendar date, YYYY-MM-DD, or empty. */
  due: string;
  status: ActionStatus;
  followUp: FollowUp;
  /** Position in its entry's list of actions. */
  order: number;
}

export interface EntryWithActions {
  entry: EntryRecord;
  actions: ActionRecord[];
}
