/**
 * How an entry is kept in IndexedDB: one record holding the entry and all its actions,
 * tombstones included. One write per entry instead of one per action makes a big import about
 * three times faster, and an entry is always read with its actions anyway.
 */
import { liveActions } from '../domain/logbook/compose';
import { isOpen, openActionKey, type OpenActionKey } from '../domain/logbook/filters';
import type { ActionRecord } from '../domain/records/action';
import type { EntryRecord, EntryWithActions } from '../domain/records/entry';
import { restoreAction, restoreEntry } from '../domain/records/restore';

export interface StoredEntry extends EntryRecord {
  actions: ActionRecord[];
  /** The Actions view's index: one key per open action of a live entry. Never exported. */
  openActions: OpenActionKey[];
}

/**
 * The record to store for an entry and all its actions. The entry's `updatedAt` is never older
 * than its actions': a change to an action is a change to its entry, for the backup reminder and
 * "changed since".
 */
export function storedEntry(entry: EntryRecord, actions: ActionRecord[]): StoredEntry {
  const { actions: _a, openActions: _o, ...own } = entry as Partial<StoredEntry> & EntryRecord;
  let updatedAt = own.updatedAt;
  for (const action of actions) if (action.updatedAt > updatedAt) updatedAt = action.updatedAt;
  return {
    ...own,
    updatedAt,
    actions,
    openActions: own.deleted === 0 ? actions.filter(isOpen).map(openActionKey) : [],
  };
}

/** The entry itself, normalised (see restore.ts), without what only storage needs. */
export function entryOf(stored: StoredEntry): EntryRecord {
  const { actions: _actions, openActions: _openActions, ...entry } = stored;
  return restoreEntry(entry);
}

/** The entry and every action it ever had, normalised: what a save or a merge works from. */
export function partsOf(stored: StoredEntry): { entry: EntryRecord; actions: ActionRecord[] } {
  return { entry: entryOf(stored), actions: stored.actions.map(restoreAction) };
}

/** The entry with its live actions in order, as the rest of the app sees it. */
export function itemOf(stored: StoredEntry): EntryWithActions {
  const { entry, actions } = partsOf(stored);
  return { entry, actions: liveActions(actions) };
}
