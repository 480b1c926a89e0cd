/**
 * The logbook's narrow storage API: the only door to IndexedDB. The database name is a
 * parameter so that a guest logbook, a test database or an encrypted one can sit behind the
 * same calls without the UI knowing.
 */
import { liveQuery, type EntityTable } from 'dexie';
import { newId } from '../domain/ids';
import { compose, draftOf } from '../domain/logbook/compose';
import { DATED_BEFORE, indexItem, overdueBefore, sortOpenActions, type IndexItem, type OpenActionsPage } from '../domain/logbook/filters';
import type { EntryDraft } from '../domain/logbook/drafts';
import { planMerge, type BackupData, type MergePlan } from '../domain/exports/backup';
import type { ActionRecord, ActionStatus, EntryRecord, EntryWithActions, FollowUp } from '../domain/logbook/records';
import type { SessionRecord } from '../domain/sessions/records';
import { csvHead, planCsvPages, readCsvStarts } from './csv-pages';
import { writeCsvPages } from './csv-export';
import { LogbookDB, type DraftRecord } from './logbook-db';
import { entryOf, flatten, itemOf, storedForPlan, withActions, type StoredEntry } from './stored-entry';
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
  /** Told when opening rewrites the stored records for this version of the app. */
  onUpgrading?: () => void;
}

/** What undoing a delete needs: the entry and exactly the actions that delete removed. */
export interface DeletedEntry {
  entryId: string;
  actionIds: string[];
}

export type Logbook = ReturnType<typeof openLogbook>;

export function openLogbook(name = DEFAULT_DATABASE, options: OpenOptions = {}) {
  const db = new LogbookDB(
    name,
    {
      // Dexie's query cache would keep whole result sets (a big logbook's every record) in memory.
      cache: 'disabled',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    },
    options.onUpgrading,
  );
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
    const stored = await db.entries.get(entryId);
    return stored && itemOf(stored);
  }

  function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (p: StorageProblem) => void): Unsubscribe {
    const subscription = liveQuery(query).subscribe({
      next: onValue,
      error: (error) => onError(toStorageProblem(error)),
    });
    return () => subscription.unsubscribe();
  }

  async function allLive(): Promise<EntryWithActions[]> {
    return (await db.entries.where('deleted').equals(0).toArray()).map(itemOf);
  }

  /**
   * The stored versions of some records. Reads only the ids already on the device: one key
   * listing instead of a lookup per record, which matters when a big backup is mostly new.
   */
  async function stored<T extends { id: string }>(table: EntityTable<T, 'id'>, ids: readonly string[]): Promise<Map<string, T>> {
    if (!ids.length) return new Map();
    const wanted = new Set<unknown>(ids);
    const overlap = (await table.toCollection().primaryKeys()).filter((key) => wanted.has(key));
    const found = overlap.length ? await table.bulkGet(overlap) : [];
    return new Map(found.filter((r): r is T => !!r).map((r) => [r.id, r]));
  }

  /** Every live entry reduced to what filtering and search need. */
  async function buildIndex(): Promise<IndexItem[]> {
    // Read in bulk (much faster than a cursor), keep only the lean items; the records are then garbage.
    return (await db.entries.where('deleted').equals(0).toArray()).map((e) => indexItem(e, e.actions));
  }

  return {
    name,

    /** Opens the database now, so a problem shows before the user has typed anything. */
    open: () => guard(async () => void (await db.open())),

    close: () => db.close(),

    /** Creates or updates an entry and its actions in one transaction. */
    save: (draft: EntryDraft) =>
      guard(() =>
        db.transaction('rw', db.entries, async () => {
          const stored = draft.id ? await db.entries.get(draft.id) : undefined;
          const { entry, actions, removed } = compose(draft, stored && itemOf(stored), now(), () => newId());
          await db.entries.put(withActions(entry, stored?.actions ?? [], [...actions, ...removed]));
          return { entry, actions };
        }),
      ),

    get: (entryId: string) => guard(() => load(entryId)),

    /** Marks an entry and its actions deleted (tombstones), and says how to undo it. */
    remove: (entryId: string) =>
      guard(() =>
        db.transaction('rw', db.entries, async (): Promise<DeletedEntry> => {
          const at = now();
          const stored = await db.entries.get(entryId);
          if (!stored) throw new Error(`No entry ${entryId}`);
          const live = stored.actions.filter((a) => a.deleted === 0);
          const gone = live.map((a) => ({ ...a, deleted: 1 as const, updatedAt: at }));
          await db.entries.put(withActions({ ...entryOf(stored), deleted: 1, updatedAt: at }, stored.actions, gone));
          return { entryId, actionIds: live.map((a) => a.id) };
        }),
      ),

    undoRemove: (deleted: DeletedEntry) =>
      guard(() =>
        db.transaction('rw', db.entries, async () => {
          const at = now();
          const stored = await db.entries.get(deleted.entryId);
          if (!stored) throw new Error(`No entry ${deleted.entryId}`);
          const ids = new Set(deleted.actionIds);
          const back = stored.actions.filter((a) => ids.has(a.id)).map((a) => ({ ...a, deleted: 0 as const, updatedAt: at }));
          await db.entries.put(withActions({ ...entryOf(stored), deleted: 0, updatedAt: at }, stored.actions, back));
        }),
      ),

    /** Changes an action's status, optionally with its follow-up, and keeps the entry's search text current. */
    updateAction: (action: Pick<ActionRecord, 'id' | 'entryId'>, change: { status: ActionStatus; followUp?: FollowUp }) =>
      guard(() =>
        db.transaction('rw', db.entries, async () => {
          const stored = await db.entries.get(action.entryId);
          if (!stored?.actions.some((a) => a.id === action.id && a.deleted === 0)) throw new Error(`No action ${action.id}`);
          const current = itemOf(stored);
          const draft = draftOf(current);
          draft.actions = draft.actions.map((a) =>
            a.id === action.id ? { ...a, status: change.status, followUp: change.followUp ?? a.followUp } : a,
          );
          const { entry, actions } = compose(draft, current, now(), () => newId());
          await db.entries.put(withActions(entry, stored.actions, actions));
        }),
      ),

    /** The first open actions in the Actions view's order, and how many there are in all. */
    watchOpenActions: (limit: number, day: string, onValue: (page: OpenActionsPage) => void, onError: (p: StorageProblem) => void) =>
      watch(
        () =>
          db.transaction('r', db.entries, async (): Promise<OpenActionsPage> => {
            // An entry comes once per open action in the page; its other open actions may sort later.
            const [records, total, overdue, dated] = await Promise.all([
              db.entries.orderBy('openActions').limit(limit).toArray(),
              db.entries.orderBy('openActions').count(),
              db.entries.where('openActions').below(overdueBefore(day)).count(),
              db.entries.where('openActions').below(DATED_BEFORE).count(),
            ]);
            const unique = [...new Map(records.map((r) => [r.id, r])).values()];
            const entryOfAction = new Map<string, EntryRecord>();
            for (const record of unique) {
              const entry = entryOf(record);
              for (const action of record.actions) entryOfAction.set(action.id, entry);
            }
            const page = sortOpenActions(unique.flatMap((r) => r.actions)).slice(0, limit);
            const items = page.flatMap((action) => {
              const entry = entryOfAction.get(action.id);
              return entry ? [{ action, entry }] : [];
            });
            return { items, total, overdue, dated };
          }),
        onValue,
        onError,
      ),

    /** The newest live entries, with their actions: the Logbook's first pages, without loading the rest. */
    watchRecent: (limit: number, onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void) =>
      watch(
        async () =>
          (
            await db.entries
              .orderBy('createdAt')
              .reverse()
              .filter((e) => e.deleted === 0)
              .limit(limit)
              .toArray()
          ).map(itemOf),
        onValue,
        onError,
      ),

    /** Some entries by id, in the order given. */
    watchByIds: (ids: string[], onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void) =>
      watch(
        async () => (await db.entries.bulkGet(ids)).filter((e): e is StoredEntry => !!e && e.deleted === 0).map(itemOf),
        onValue,
        onError,
      ),

    watchIndex: (onValue: (items: IndexItem[]) => void, onError: (p: StorageProblem) => void) =>
      watch(buildIndex, onValue, onError),

    /** Entries written or changed since a time, for the backup reminder, counted on the index. */
    countChangedSince: (iso: string | null) =>
      guard(async () => ({
        changed: iso
          ? await db.entries.where('updatedAt').above(iso).filter((e) => e.deleted === 0).count()
          : await db.entries.where('deleted').equals(0).count(),
        total: await db.entries.where('deleted').equals(0).count(),
      })),

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

    saveSession: (session: SessionRecord) =>
      guard(async () => {
        const record = { ...session, updatedAt: now() };
        await db.sessions.put(record);
        return record;
      }),

    /** Applies a change to the stored session inside one transaction, so concurrent changes from two windows both land. */
    changeSession: (id: string, change: (session: SessionRecord) => SessionRecord | undefined) =>
      guard(() =>
        db.transaction('rw', db.sessions, async () => {
          const current = await db.sessions.get(id);
          if (!current || current.deleted) return undefined;
          const next = change(current);
          if (!next) return current;
          const record = { ...next, id, updatedAt: now() };
          await db.sessions.put(record);
          return record;
        }),
      ),

    getSession: (id: string) => guard(() => db.sessions.get(id)),

    watchSessions: (onValue: (sessions: SessionRecord[]) => void, onError: (p: StorageProblem) => void) =>
      watch(() => db.sessions.where('deleted').equals(0).toArray(), onValue, onError),

    watchSession: (id: string, onValue: (session: SessionRecord | undefined) => void, onError: (p: StorageProblem) => void) =>
      watch(() => db.sessions.get(id), onValue, onError),

    /** Entries written in some sessions, oldest first, with their actions. */
    watchSessionEntries: (sessionIds: string[], onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void) =>
      watch(
        async () =>
          (await db.entries.where('sessionId').anyOf(sessionIds).toArray())
            .filter((e) => e.deleted === 0)
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map(itemOf),
        onValue,
        onError,
      ),

    /** Every live entry with its actions, and every session: what the exports other than a backup need. */
    liveEntries: () =>
      guard(() =>
        db.transaction('r', db.entries, db.sessions, async () => ({
          items: await allLive(),
          sessions: await db.sessions.toArray(),
        })),
      ),

    /**
     * The live logbook as CSV, newest first, handed to `emit` in chunks as it is made (see
     * csv-export.ts). Reading the plan is guarded; a failure of `emit` itself is passed on as it is.
     */
    writeCsv: async (emit: (bytes: Uint8Array<ArrayBuffer>) => void): Promise<void> => {
      const titles = await guard(async () => (await db.sessions.toArray()).map((s): [string, string] => [s.id, s.title]));
      const asProblem = (error: unknown) => {
        throw error instanceof DOMException ? toStorageProblem(error) : error;
      };
      const idb = db.backendDB();
      const pages = planCsvPages(await readCsvStarts(idb).catch(asProblem));
      emit(csvHead());
      const source = { dbName: name, db: idb, keyRange: options.IDBKeyRange ?? IDBKeyRange, pages, titles };
      await writeCsvPages(source, emit).catch(asProblem);
    },

    /** Every record, tombstones included, for a backup. */
    exportAll: () =>
      guard(() =>
        db.transaction('r', db.entries, db.sessions, async (): Promise<BackupData> => ({
          ...flatten(await db.entries.toArray()),
          sessions: await db.sessions.toArray(),
        })),
      ),

    /**
     * Merges a validated backup: all of it in one transaction, or none of it. With `dryRun`
     * it only says what would change.
     */
    merge: (incoming: BackupData, { dryRun = false } = {}) =>
      guard(() =>
        db.transaction(dryRun ? 'r' : 'rw', db.entries, db.sessions, async (): Promise<MergePlan> => {
          const [entries, sessions] = await Promise.all([
            stored(db.entries, [...new Set([...incoming.entries.map((e) => e.id), ...incoming.actions.map((a) => a.entryId)])]),
            stored(db.sessions, incoming.sessions.map((s) => s.id)),
          ]);
          const existing = [...entries.values()];
          const flat = flatten(existing);
          const result = planMerge(incoming, {
            entries: new Map(flat.entries.map((e) => [e.id, e])),
            actions: new Map(flat.actions.map((a) => [a.id, a])),
            sessions,
          });
          if (!dryRun) {
            await db.entries.bulkPut(storedForPlan(result.put, entries));
            await db.sessions.bulkPut(result.put.sessions);
          }
          return result;
        }),
      ),

    /** Deletes every entry, action, session and draft on this device (settings are kept). */
    clearAll: () =>
      guard(() =>
        db.transaction('rw', [db.entries, db.sessions, db.drafts], async () => {
          await Promise.all([db.entries.clear(), db.sessions.clear(), db.drafts.clear()]);
        }),
      ),

    /** For tests and the benchmark: removes the database entirely. */
    destroy: () => guard(() => db.delete()),
  };
}

