/** Turns a form draft into records to store, and back. Pure: the clock and ids are passed in. */
import type { ActionDraft, EntryDraft } from './drafts';
import { isBlankAction } from './drafts';
import type { ActionRecord, EntryRecord, EntryWithActions } from './records';

export interface Composed {
  entry: EntryRecord;
  actions: ActionRecord[];
  /** Saved actions the user removed from the entry: stored as tombstones. */
  removed: ActionRecord[];
}

/** Lowercase text of an entry and its actions, made once per entry for search as you type. */
export function searchTextOf(entry: Pick<EntryRecord, 'card' | 'community' | 'reflection' | 'notes' | 'tags'>, actions: Pick<ActionDraft, 'what' | 'owner' | 'followUp'>[]): string {
  return [
    entry.card?.text,
    entry.card?.capabilityHeading,
    entry.community,
    entry.reflection,
    entry.notes,
    ...entry.tags,
    ...actions.flatMap((a) => [a.what, a.owner, a.followUp.happened, a.followUp.learned]),
  ]
    .filter((part): part is string => !!part && part.trim().length > 0)
    .join('\n')
    .toLowerCase();
}

export function compose(
  draft: EntryDraft,
  existing: EntryWithActions | undefined,
  now: string,
  makeId: () => string,
): Composed {
  const kept = draft.actions.filter((a) => !isBlankAction(a));
  const entry: EntryRecord = {
    id: existing?.entry.id ?? draft.id ?? makeId(),
    createdAt: existing?.entry.createdAt ?? now,
    updatedAt: now,
    deleted: 0,
    ...(draft.card ? { card: draft.card } : {}),
    ...(draft.capabilityNumber !== undefined ? { capabilityNumber: draft.capabilityNumber } : {}),
    ...(draft.sessionId ? { sessionId: draft.sessionId } : {}),
    community: draft.community.trim(),
    reflection: draft.reflection,
    notes: draft.notes,
    tags: draft.tags,
  };
  const previous = new Map((existing?.actions ?? []).map((a) => [a.id, a]));
  const actions = kept.map((a, order): ActionRecord => {
    const before = a.id ? previous.get(a.id) : undefined;
    const same =
      before &&
      before.what === a.what &&
      before.owner === a.owner &&
      before.due === a.due &&
      before.status === a.status &&
      before.order === order &&
      before.followUp.happened === a.followUp.happened &&
      before.followUp.learned === a.followUp.learned;
    return {
      id: before?.id ?? makeId(),
      entryId: entry.id,
      createdAt: before?.createdAt ?? now,
      updatedAt: same ? before.updatedAt : now,
      deleted: 0,
      what: a.what.trim(),
      owner: a.owner.trim(),
      due: a.due,
      status: a.status,
      followUp: { happened: a.followUp.happened, learned: a.followUp.learned },
      order,
    };
  });
  const keptIds = new Set(actions.map((a) => a.id));
  const removed = (existing?.actions ?? [])
    .filter((a) => !keptIds.has(a.id) && a.deleted === 0)
    .map((a) => ({ ...a, deleted: 1 as const, updatedAt: now }));
  return { entry, actions, removed };
}

export function draftOf({ entry, actions }: EntryWithActions): EntryDraft {
  return {
    id: entry.id,
    ...(entry.card ? { card: entry.card } : {}),
    ...(entry.capabilityNumber !== undefined ? { capabilityNumber: entry.capabilityNumber } : {}),
    ...(entry.sessionId ? { sessionId: entry.sessionId } : {}),
    community: entry.community,
    reflection: entry.reflection,
    notes: entry.notes,
    tags: [...entry.tags],
    actions: actions
      .filter((a) => a.deleted === 0)
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        id: a.id,
        what: a.what,
        owner: a.owner,
        due: a.due,
        status: a.status,
        followUp: { ...a.followUp },
      })),
  };
}
