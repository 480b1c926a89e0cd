/** Entries and their actions: saving, deleting, and the live queries the Logbook and Actions views read. */
import { compose, DeletedElsewhere, type ComposeOptions } from '../domain/logbook/compose';
import type { EntryDraft } from '../domain/logbook/drafts';
import { DATED_BEFORE, indexItem, overdueBefore, sortOpenActions, type IndexItem, type OpenActionsPage } from '../domain/logbook/filters';
import { ACTION, type ActionRecord, type ActionStatus, type FollowUp } from '../domain/records/action';
import { ENTRY, type EntryRecord, type EntryWithActions } from '../domain/records/entry';
import { writeRecord } from '../domain/records/merge';
import { restoreAction } from '../domain/records/restore';
import type { Connection, Unsubscribe } from './connection';
import { entryOf, itemOf, partsOf, storedEntry, type StoredEntry } from './stored-entry';
import type { StorageProblem } from './storage-problem';

/** What undoing a delete needs: the entry and exactly the actions that delete removed. */
export interface DeletedEntry {
  entryId: string;
  actionIds: string[];
}

export type EntriesStore = ReturnType<typeof entriesStore>;

export function entriesStore(conn: Connection) {
  const { db } = conn;

  async function load(entryId: string): Promise<EntryWithActions | undefined> {
    const stored = await db.entries.get(entryId);
    return stored && itemOf(stored);
  }

  /** Changes one stored entry in a transaction of its own: read, change, write. */
  function change(entryId: string, work: (stored: StoredEntry, stamp: Awaited<ReturnType<Connection['stamp']>>) => StoredEntry | undefined) {
    return conn.write(async () => {
      const stamp = await conn.stamp();
      return db.transaction('rw', db.entries, async () => {
        const stored = await db.entries.get(entryId);
        if (!stored) throw new Error(`No entry ${entryId}`);
        const next = work(stored, stamp);
        if (next) await db.entries.put(next);
        return next ?? stored;
      });
    });
  }

  return {
    /**
     * Creates or updates an entry and its actions in one transaction. A draft made from an older
     * version merges field by field with what was saved since. An entry deleted since the draft
     * was made is not brought back silently: `DeletedElsewhere` says so, and `revive` brings it
     * back with the draft's changes.
     */
    save: (draft: EntryDraft, options: ComposeOptions = {}) =>
      conn.write(async () => {
        const stamp = await conn.stamp();
        return db.transaction('rw', db.entries, async () => {
          const stored = draft.id ? await db.entries.get(draft.id) : undefined;
          if (stored?.deleted && !options.revive && !draft.base?.entry.deleted) throw new DeletedElsewhere();
          const parts = compose(draft, stored && partsOf(stored), stamp, conn.newId, options);
          await db.entries.put(storedEntry(parts.entry, parts.actions));
          return itemOf(storedEntry(parts.entry, parts.actions));
        });
      }),

    get: (entryId: string) => conn.read(() => load(entryId)),

    /** Whether an entry is stored, live or deleted. */
    state: (entryId: string) =>
      conn.read(async (): Promise<'live' | 'deleted' | 'missing'> => {
        const stored = await db.entries.get(entryId);
        return !stored ? 'missing' : stored.deleted ? 'deleted' : 'live';
      }),

    /** Marks an entry and its actions deleted (tombstones), and says how to undo it. */
    remove: async (entryId: string): Promise<DeletedEntry> => {
      let actionIds: string[] = [];
      await change(entryId, (stored, stamp) => {
        const { entry, actions } = partsOf(stored);
        actionIds = actions.filter((a) => a.deleted === 0).map((a) => a.id);
        const gone = writeRecord(ENTRY, entry, { ...entry, deleted: 1 }, stamp);
        return storedEntry(gone, actions.map((a) => (a.deleted ? a : writeRecord(ACTION, a, { ...a, deleted: 1 }, stamp))));
      });
      return { entryId, actionIds };
    },

    undoRemove: (deleted: DeletedEntry) =>
      change(deleted.entryId, (stored, stamp) => {
        const { entry, actions } = partsOf(stored);
        const ids = new Set(deleted.actionIds);
        const back = writeRecord(ENTRY, entry, { ...entry, deleted: 0 }, stamp);
        return storedEntry(back, actions.map((a) => (ids.has(a.id) ? writeRecord(ACTION, a, { ...a, deleted: 0 }, stamp) : a)));
      }).then(() => undefined),

    /**
     * Changes an action's status, and its follow-up if given. `base` is the version the person
     * saw: a follow-up written meanwhile elsewhere is kept beside this one, not overwritten.
     */
    updateAction: (action: Pick<ActionRecord, 'id' | 'entryId'>, update: { status: ActionStatus; followUp?: FollowUp }, base?: ActionRecord) =>
      change(action.entryId, (stored, stamp) => {
        const { entry, actions } = partsOf(stored);
        const current = actions.find((a) => a.id === action.id && a.deleted === 0);
        if (!current) throw new Error(`No action ${action.id}`);
        const next = { ...(base ?? current), status: update.status, followUp: update.followUp ?? (base ?? current).followUp };
        const written = writeRecord(ACTION, current, next, stamp, base ? { base } : {});
        return written === current ? undefined : storedEntry(entry, actions.map((a) => (a.id === action.id ? written : a)));
      }).then(() => undefined),

    /** Chooses one of the values a field was given in two places at once (see merge.ts). */
    settle: (entryId: string, record: { action?: string }, path: string, value: unknown) =>
      change(entryId, (stored, stamp) => {
        const { entry, actions } = partsOf(stored);
        const setAt = (target: Record<string, unknown>) => ({ ...target, [path]: value });
        if (!record.action) return storedEntry(writeRecord(ENTRY, entry, setAt(entry) as EntryRecord, stamp, { settle: [path] }), actions);
        return storedEntry(
          entry,
          actions.map((a) => (a.id === record.action ? writeRecord(ACTION, a, setAt(a) as ActionRecord, stamp, { settle: [path] }) : a)),
        );
      }).then(() => undefined),

    /** The first open actions in the Actions view's order, and how many there are in all. */
    watchOpenActions: (limit: number, day: string, onValue: (page: OpenActionsPage) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(
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
            const actions: ActionRecord[] = [];
            for (const record of unique) {
              const entry = entryOf(record);
              for (const action of record.actions) {
                entryOfAction.set(action.id, entry);
                actions.push(restoreAction(action));
              }
            }
            const items = sortOpenActions(actions)
              .slice(0, limit)
              .flatMap((action) => {
                const entry = entryOfAction.get(action.id);
                return entry ? [{ action, entry }] : [];
              });
            return { items, total, overdue, dated };
          }),
        onValue,
        onError,
      ),

    /** The newest live entries, with their actions: the Logbook's first pages, without loading the rest. */
    watchRecent: (limit: number, onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(
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
    watchByIds: (ids: string[], onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(async () => (await db.entries.bulkGet(ids)).filter((e): e is StoredEntry => !!e && e.deleted === 0).map(itemOf), onValue, onError),

    /** Every live entry reduced to what filtering and search need. */
    watchIndex: (onValue: (items: IndexItem[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(
        // Read in bulk (much faster than a cursor), keep only the lean items; the records are then garbage.
        async () => (await db.entries.where('deleted').equals(0).toArray()).map((e) => indexItem(entryOf(e), e.actions.map(restoreAction))),
        onValue,
        onError,
      ),

    watchEntry: (entryId: string, onValue: (item: EntryWithActions | undefined) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(() => load(entryId), onValue, onError),

    /** Entries written or changed since a time, for the backup reminder, counted on the index. */
    countChangedSince: (iso: string | null) =>
      conn.read(async () => ({
        changed: iso
          ? await db.entries.where('updatedAt').above(iso).filter((e) => e.deleted === 0).count()
          : await db.entries.where('deleted').equals(0).count(),
        total: await db.entries.where('deleted').equals(0).count(),
      })),

    /** Entries written in some sessions, oldest first, with their actions. */
    watchSessionEntries: (sessionIds: string[], onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(
        async () =>
          (await db.entries.where('sessionId').anyOf(sessionIds).toArray())
            .filter((e) => e.deleted === 0)
            .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
            .map(itemOf),
        onValue,
        onError,
      ),

    /** Every live entry with its actions. */
    live: () => conn.read(async () => (await db.entries.where('deleted').equals(0).toArray()).map(itemOf)),

  };
}
