/**
 * How an entry is kept in IndexedDB: one record holding the entry and all its actions,
 * tombstones included. One write per entry instead of one per action makes a big import about
 * three times faster, and an entry is always read with its actions anyway.
 */
import type { BackupData, MergePlan } from '../domain/exports/backup';
import { isOpen, openActionKey, type OpenActionKey } from '../domain/logbook/filters';
import type { ActionRecord, EntryRecord, EntryWithActions } from '../domain/logbook/records';

export interface StoredEntry extends EntryRecord {
  actions: ActionRecord[];
  /** The Actions view's index: one key per open action of a live entry. Never exported. */
  openActions: OpenActionKey[];
}

const byOrder = (a: ActionRecord, b: ActionRecord) => a.order - b.order;

export function entryOf(stored: StoredEntry): EntryRecord {
  const { actions: _actions, openActions: _openActions, ...entry } = stored;
  return entry;
}

/** The open-action keys a stored entry is indexed under. */
export function openActionKeys(entry: Pick<EntryRecord, 'deleted'>, actions: readonly ActionRecord[]): OpenActionKey[] {
  return entry.deleted === 0 ? actions.filter(isOpen).map(openActionKey) : [];
}

/** The entry's live actions, in order. */
export function liveActionsOf(stored: StoredEntry): ActionRecord[] {
  return stored.actions.filter((a) => a.deleted === 0).sort(byOrder);
}

/** The entry with its live actions in order, as the rest of the app sees it. */
export function itemOf(stored: StoredEntry): EntryWithActions {
  return { entry: entryOf(stored), actions: liveActionsOf(stored) };
}

/** Replaces actions by id and adds new ones, keeping every other action (and tombstone) stored. */
export function withActions(entry: EntryRecord, stored: readonly ActionRecord[], changed: readonly ActionRecord[]): StoredEntry {
  const byId = new Map(stored.map((a) => [a.id, a]));
  for (const action of changed) byId.set(action.id, action);
  const actions = [...byId.values()];
  return { ...entry, actions, openActions: openActionKeys(entry, actions) };
}

/** Splits stored records into the backup's flat lists. */
export function flatten(stored: readonly StoredEntry[]): Pick<BackupData, 'entries' | 'actions'> {
  const entries: EntryRecord[] = [];
  const actions: ActionRecord[] = [];
  for (const record of stored) {
    entries.push(entryOf(record));
    actions.push(...record.actions);
  }
  return { entries, actions };
}

/**
 * The records to write for a merge plan: each changed entry with its stored actions, the
 * winning incoming actions put in place. Every action's entry is either in the plan or stored
 * (readBackup refuses actions whose entry is not in the file).
 */
export function storedForPlan(put: MergePlan['put'], existing: ReadonlyMap<string, StoredEntry>): StoredEntry[] {
  const changedActions = new Map<string, ActionRecord[]>();
  for (const action of put.actions) {
    const list = changedActions.get(action.entryId);
    if (list) list.push(action);
    else changedActions.set(action.entryId, [action]);
  }
  const records = new Map<string, StoredEntry>();
  for (const entry of put.entries) {
    const current = existing.get(entry.id);
    records.set(entry.id, withActions(entry, current?.actions ?? [], changedActions.get(entry.id) ?? []));
  }
  for (const [entryId, actions] of changedActions) {
    if (records.has(entryId)) continue;
    const current = existing.get(entryId);
    if (!current) throw new Error(`No entry ${entryId} for an imported action`);
    records.set(entryId, withActions(entryOf(current), current.actions, actions));
  }
  return [...records.values()];

}
