/** The whole logbook in and out: a backup's records, importing one (all of it or none), clearing everything. */
import { problemOf, type BackupData } from '../domain/exports/backup';
import type { EntryParts } from '../domain/logbook/compose';
import type { ActionRecord } from '../domain/records/action';
import type { EntryRecord } from '../domain/records/entry';
import type { Versioned } from '../domain/records/merge';
import { planImport, type ImportPlan } from '../domain/records/merge-plan';
import { restoreSession } from '../domain/records/restore';
import type { Connection } from './connection';
import { partsOf, storedEntry } from './stored-entry';

/** Where record types from a newer version, met in a backup, are kept (see BackupData.other). */
const OTHER_KEY = 'otherRecords';

export type BackupsStore = ReturnType<typeof backupsStore>;

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; message: string };

export function backupsStore(conn: Connection) {
  const { db } = conn;

  return {
    /** Every record, tombstones included, for a backup; checked as a backup is checked on reading. */
    exportAll: () =>
      conn.read(() =>
        db.transaction('r', db.entries, db.sessions, db.meta, async (): Promise<BackupData> => {
          const entries: EntryRecord[] = [];
          const actions: ActionRecord[] = [];
          for (const stored of await db.entries.toArray()) {
            const parts = partsOf(stored);
            entries.push(parts.entry);
            actions.push(...parts.actions);
          }
          const other = ((await db.meta.get(OTHER_KEY))?.value ?? {}) as Record<string, Versioned[]>;
          const data: BackupData = { entries, actions, sessions: (await db.sessions.toArray()).map(restoreSession), ...(Object.keys(other).length ? { other } : {}) };
          const problem = problemOf(data);
          if (problem) throw new Error(`The backup was not made, because the logbook on this device has a fault: ${problem}`);
          return data;
        }),
      ),

    /**
     * Merges a validated backup: all of it in one transaction, or none of it. With `dryRun` it
     * only says what would change. Refused, changing nothing, when it would give one action id to
     * two entries.
     */
    merge: (incoming: BackupData, { dryRun = false } = {}) =>
      (dryRun ? conn.read : conn.write)(() =>
        db.transaction(dryRun ? 'r' : 'rw', db.entries, db.sessions, db.meta, async (): Promise<ImportResult> => {
          const incomingActionIds = new Set(incoming.actions.map((a) => a.id));
          // Only the action ids already on the device are looked up: one key listing instead of a lookup per record.
          const heldActionIds = ((await db.entries.orderBy('actionIds').keys()) as string[]).filter((id) => incomingActionIds.has(id));
          const owners = heldActionIds.length ? await db.entries.where('actionIds').anyOf(heldActionIds).toArray() : [];
          const entryIds = new Set([...incoming.entries.map((e) => e.id), ...incoming.actions.map((a) => a.entryId)]);
          const heldEntryIds = ((await db.entries.toCollection().primaryKeys()) as string[]).filter((id) => entryIds.has(id));
          const stored = [...(heldEntryIds.length ? await db.entries.bulkGet(heldEntryIds) : []), ...owners];
          const entries = new Map<string, EntryParts>();
          const actionOwners = new Map<string, string>();
          for (const record of stored) {
            if (!record) continue;
            entries.set(record.id, partsOf(record));
            for (const id of record.actionIds ?? record.actions.map((a) => a.id)) actionOwners.set(id, record.id);
          }
          const sessionIds = incoming.sessions.map((s) => s.id);
          const sessions = new Map(
            (sessionIds.length ? await db.sessions.bulkGet(sessionIds) : []).flatMap((s) => (s ? [[s.id, restoreSession(s)] as const] : [])),
          );
          const held = ((await db.meta.get(OTHER_KEY))?.value ?? {}) as Record<string, Versioned[]>;
          const other = Object.fromEntries(Object.entries(held).map(([name, records]) => [name, new Map(records.map((r) => [r.id, r]))]));
          const result = planImport(incoming, { entries, actionOwners, sessions, other });
          if (!result.ok || dryRun) return result;
          const { plan } = result;
          await db.entries.bulkPut(plan.entries.map((parts) => storedEntry(parts.entry, parts.actions)));
          await db.sessions.bulkPut(plan.sessions);
          if (Object.keys(plan.other).length) {
            const merged = { ...held };
            for (const [name, records] of Object.entries(plan.other)) {
              const byId = new Map((merged[name] ?? []).map((r) => [r.id, r]));
              for (const record of records) byId.set(record.id, record);
              merged[name] = [...byId.values()];
            }
            await db.meta.put({ key: OTHER_KEY, value: merged });
          }
          return result;
        }),
      ),

    /** Deletes every entry, action, session and draft on this device (settings are kept). */
    clearAll: () =>
      conn.write(() =>
        db.transaction('rw', [db.entries, db.sessions, db.drafts, db.meta], async () => {
          await Promise.all([db.entries.clear(), db.sessions.clear(), db.drafts.clear(), db.meta.delete(OTHER_KEY)]);
        }),
      ),
  };
}
