/**
 * Turns a form draft into records to store, and a stored entry back into a draft. Pure: the
 * clock, the device and new ids are passed in. Saving goes through the record merge, so a save
 * made from an out-of-date copy changes only what the person changed.
 */
import type { ActionDraft, EntryDraft } from './drafts';
import { isBlankAction } from './drafts';
import { ACTION, ActionSchema, type ActionRecord } from '../records/action';
import { contentFields, valueAt } from '../records/content-fields';
import { ENTRY, EntrySchema, type EntryRecord, type EntryWithActions } from '../records/entry';
import { changedPaths, writeRecord, type Stamp } from '../records/merge';

/** An entry as stored: with every action it ever had, removed ones (tombstones) included. */
export interface EntryParts {
  entry: EntryRecord;
  actions: ActionRecord[];
}

const BOOKKEEPING = ['id', 'createdAt', 'updatedAt', 'deleted', 'clock'];
/** The entry's own fields (everything its schema names but the bookkeeping). */
const ENTRY_FIELDS = Object.keys(EntrySchema.entries).filter((key) => !BOOKKEEPING.includes(key));

const ENTRY_TEXT = contentFields(EntrySchema);
const ACTION_TEXT = contentFields(ActionSchema).filter((f) => f.kind === 'text' || f.kind === 'list');

function textsOf(record: unknown, fields: typeof ENTRY_TEXT): string[] {
  return fields.flatMap((field) => {
    const value = valueAt(record, field.path);
    return typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  });
}

/** Lowercase text of an entry and its actions, made once per entry for search as you type. */
export function searchTextOf(entry: Pick<EntryRecord, 'card' | 'answers'>, actions: readonly Partial<ActionDraft>[]): string {
  return [
    entry.card?.text,
    entry.card?.capabilityHeading,
    ...textsOf(entry, ENTRY_TEXT.filter((f) => f.kind === 'text' || f.kind === 'list')),
    ...entry.answers.map((a) => a.text),
    ...actions.flatMap((a) => textsOf(a, ACTION_TEXT)),
  ]
    .filter((part): part is string => !!part && part.trim().length > 0)
    .join('\n')
    .toLowerCase();
}

/** Saving a draft of an entry that was deleted (in another tab, or on another device) since the draft was made. */
export class DeletedElsewhere extends Error {
  override readonly name = 'DeletedElsewhere';
  constructor() {
    super('This entry was deleted in another window or on another device after you started editing it.');
  }
}

export interface ComposeOptions {
  /** The entry was deleted since the draft was made: bring it back with the draft's changes. */
  revive?: boolean;
}

export function compose(
  draft: EntryDraft,
  stored: EntryParts | undefined,
  stamp: Stamp,
  makeId: () => string,
  { revive = false }: ComposeOptions = {},
): EntryParts {
  const now = stamp.now.toISOString();
  const { id: _id, base, actions: drafted, ...fields } = draft;
  const start: Record<string, unknown> = { ...(base?.entry ?? stored?.entry) };
  // A field the form took away (a capability unlinked, say) is gone, not left as it was.
  for (const key of ENTRY_FIELDS) if (!(key in fields)) delete start[key];
  const id = stored?.entry.id ?? draft.id ?? makeId();
  const next = {
    ...start,
    ...fields,
    id,
    createdAt: stored?.entry.createdAt ?? now,
    updatedAt: now,
    deleted: 0,
    community: fields.community.trim(),
    // "1." is where typing "1.5" passes through; a record keeps the number.
    cpdHours: fields.cpdHours.replace(/\.$/, ''),
    participatoryHours: fields.participatoryHours.replace(/\.$/, ''),
  } as EntryRecord;
  const entry = writeRecord(ENTRY, stored?.entry, next, stamp, { ...(base ? { base: base.entry } : {}), ...(revive ? { settle: ['deleted'] } : {}) });

  const storedActions = new Map((stored?.actions ?? []).map((a) => [a.id, a]));
  const baseActions = new Map((base?.actions ?? stored?.actions.filter((a) => a.deleted === 0) ?? []).map((a) => [a.id, a]));
  const written = new Map<string, ActionRecord>();
  drafted
    .filter((a) => !isBlankAction(a))
    .forEach((a, order) => {
      const current = a.id ? storedActions.get(a.id) : undefined;
      const before = current && a.id ? baseActions.get(a.id) : undefined;
      const { id: _actionId, ...actionFields } = a;
      const actionNext = {
        ...(before ?? current),
        ...actionFields,
        id: current?.id ?? makeId(),
        entryId: id,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
        deleted: 0,
        what: a.what.trim(),
        owner: a.owner.trim(),
        order,
      } as ActionRecord;
      // An action removed elsewhere but changed here comes back: its new words must not vanish.
      const revived = !!current?.deleted && !!before && changedPaths(ACTION, before, actionNext).length > 0;
      const options = { ...(before ? { base: before } : {}), ...(revived ? { settle: ['deleted'] } : {}) };
      written.set(actionNext.id, writeRecord(ACTION, current, actionNext, stamp, options));
    });
  for (const [actionId, before] of baseActions) {
    const current = storedActions.get(actionId);
    if (written.has(actionId) || !current || current.deleted) continue;
    written.set(actionId, writeRecord(ACTION, current, { ...before, deleted: 1 }, stamp, { base: before }));
  }
  const actions = [...storedActions.values()].map((a) => written.get(a.id) ?? a);
  for (const action of written.values()) if (!storedActions.has(action.id)) actions.push(action);
  return { entry, actions };
}

/** The entry's live actions in their order. */
export function liveActions(actions: readonly ActionRecord[]): ActionRecord[] {
  return actions.filter((a) => a.deleted === 0).sort((a, b) => a.order - b.order);
}

export function draftOf(item: EntryWithActions): EntryDraft {
  const { id, createdAt: _c, updatedAt: _u, deleted: _d, clock: _k, ...fields } = item.entry;
  return {
    ...structuredClone(fields),
    id,
    base: item,
    actions: liveActions(item.actions).map(({ id: actionId, entryId: _e, createdAt: _ac, updatedAt: _au, deleted: _ad, clock: _ak, order: _o, ...rest }) => ({
      ...structuredClone(rest),
      id: actionId,
    })),
  };
}
