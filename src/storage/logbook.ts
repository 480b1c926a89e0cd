/**
 * The logbook's narrow storage API: the only door to IndexedDB. The database name is a
 * parameter so that a guest logbook, a test database or an encrypted one can sit behind the
 * same calls without the UI knowing.
 */
import { liveQuery } from 'dexie';
import { newId } from '../domain/ids';
import { compose, draftOf } from '../domain/logbook/compose';
import type { EntryDraft } from '../domain/logbook/drafts';
import type { ActionRecord, ActionStatus, EntryWithActions, FollowUp } from '../domain/logbook/records';
import { LogbookDB, type DraftRecord } from './logbook-db';
import { StorageProblem, toStorageProblem } from './storage-problem';

export const DEFAULT_DATABASE = 'power-shifting';

export type Unsubscribe = () => void;

export interface OpenOptions {
  /** Told about problems that arrive outside any call: another tab blocking or replacing the database. */
  onProblem?: (problem: StorageProblem) => void;
  /** For tests: a fake IndexedDB. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For tests: a fixed clock. */
  now?: () => Date;
}

/** What undoing a delete needs: the entry and exactly the actions that delete removed. */
export interface DeletedEntry {
  entryId: string;
  actionIds: string[];
}

export interface OpenAction {
  action: ActionRecord;
  entry: EntryWithActions['entry'];
}

export type Logbook = ReturnType<typeof openLogbook>;

export function openLogbook(name = DEFAULT_DATABASE, options: OpenOptions = {}) {
  const db = new LogbookDB(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();

  db.on('blocked', () => options.onProblem?.(new StorageProblem('blocked')));
  db.on('versionchange', () => {
    // A newer app in another tab wants to upgrade: step aside rather than block it.
    db.close();
    options.onProblem?.(new StorageProblem('version'));
    return false;
  });

  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageProblem(error);
    }
  }

  async function load(entryId: string): Promise<EntryWithActions | undefined> {
    const entry = await db.entries.get(entryId);
    if (!entry) return undefined;
    const actions = await db.actions.where('entryId').equals(entryId).toArray();
    return { entry, actions: actions.filter((a) => a.deleted === 0).sort((a, b) => a.order - b.order) };
  }

  function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (p: StorageProblem) => void): Unsubscribe {
    const subscription = liveQuery(query).subscribe({
      next: onValue,
      error: (error) => onError(toStorageProblem(error)),
    });
    return () => subscription.unsubscribe();
  }

  async function allLive(): Promise<EntryWithActions[]> {
    const [entries, actions] = await Promise.all([
      db.entries.where('deleted').equals(0).toArray(),
      db.actions.where('deleted').equals(0).toArray(),
    ]);
    const byEntry = new Map<string, ActionRecord[]>();
    for (const action of actions) {
      const list = byEntry.get(action.entryId);
      if (list) list.push(action);
      else byEntry.set(action.entryId, [action]);
    }
    return entries.map((entry) => ({
      entry,
      actions: (byEntry.get(entry.id) ?? []).sort((a, b) => a.order - b.order),
    }));
  }

  return {
    name,

    /** Opens the database now, so a problem shows before the user has typed anything. */
    open: () => guard(async () => void (await db.open())),

    close: () => db.close(),

    /** Creates or updates an entry and its actions in one transaction. */
    save: (draft: EntryDraft) =>
      guard(() =>
        db.transaction('rw', db.entries, db.actions, async () => {
          const existing = draft.id ? await load(draft.id) : undefined;
          const { entry, actions, removed } = compose(draft, existing, now(), () => newId());
          await db.entries.put(entry);
          await db.actions.bulkPut([...actions, ...removed]);
          return { entry, actions };
        }),
      ),

    get: (entryId: string) => guard(() => load(entryId)),

    /** Marks an entry and its actions deleted (tombstones), and says how to undo it. */
    remove: (entryId: string) =>
      guard(() =>
        db.transaction('rw', db.entries, db.actions, async (): Promise<DeletedEntry> => {
          const at = now();
          const live = (await db.actions.where('entryId').equals(entryId).toArray()).filter((a) => a.deleted === 0);
          const updated = await db.entries.update(entryId, { deleted: 1, updatedAt: at });
          if (!updated) throw new Error(`No entry ${entryId}`);
          await db.actions.bulkPut(live.map((a) => ({ ...a, deleted: 1 as const, updatedAt: at })));
          return { entryId, actionIds: live.map((a) => a.id) };
        }),
      ),

    undoRemove: (deleted: DeletedEntry) =>
      guard(() =>
        db.transaction('rw', db.entries, db.actions, async () => {
          const at = now();
          await db.entries.update(deleted.entryId, { deleted: 0, updatedAt: at });
          const actions = (await db.actions.bulkGet(deleted.actionIds)).filter((a): a is ActionRecord => !!a);
          await db.actions.bulkPut(actions.map((a) => ({ ...a, deleted: 0 as const, updatedAt: at })));
        }),
      ),

    /** Changes an action's status, optionally with its follow-up, and keeps the entry's search text current. */
    updateAction: (actionId: string, change: { status: ActionStatus; followUp?: FollowUp }) =>
      guard(() =>
        db.transaction('rw', db.entries, db.actions, async () => {
          const action = await db.actions.get(actionId);
          if (!action || action.deleted) throw new Error(`No action ${actionId}`);
          const current = await load(action.entryId);
          if (!current) throw new Error(`No entry for action ${actionId}`);
          const draft = draftOf(current);
          draft.actions = draft.actions.map((a) =>
            a.id === actionId ? { ...a, status: change.status, followUp: change.followUp ?? a.followUp } : a,
          );
          const { entry, actions } = compose(draft, current, now(), () => newId());
          await db.entries.put(entry);
          await db.actions.bulkPut(actions);
        }),
      ),

    watchEntries: (onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void) =>
      watch(allLive, onValue, onError),

    watchEntry: (entryId: string, onValue: (item: EntryWithActions | undefined) => void, onError: (p: StorageProblem) => void) =>
      watch(() => load(entryId), onValue, onError),

    saveDraft: (key: string, draft: EntryDraft) =>
      guard(async () => void (await db.drafts.put({ key, draft, savedAt: now() }))),

    loadDraft: (key: string) => guard(() => db.drafts.get(key)),

    deleteDraft: (key: string) => guard(() => db.drafts.delete(key)),

    watchDrafts: (onValue: (drafts: DraftRecord[]) => void, onError: (p: StorageProblem) => void) =>
      watch(() => db.drafts.toArray(), onValue, onError),

    getMeta: <T>(key: string) => guard(async () => (await db.meta.get(key))?.value as T | undefined),

    setMeta: (key: string, value: unknown) => guard(async () => void (await db.meta.put({ key, value }))),

    /** For tests and the benchmark: removes the database entirely. */
    destroy: () => guard(() => db.delete()),
  };
}

