/** The whole logbook in and out: a backup's records, importing one (all of it or none), clearing everything. */
import { problemOf, type BackupData } from '../domain/exports/backup';
import type { EntryParts } from '../domain/logbook/compose';
import type { ActionRecord } from '../domain/records/action';
import type { EntryRecord } from '../domain/records/entry';
import type { Versioned } from '../domain/records/merge';
import { planImport, type ImportPlan } from '../domain/records/merge-plan';
import { restoreCheckin, restoreOwnDeck, restoreSession } from '../domain/records/restore';
import type { Connection } from './connection';
import { eachEntry } from './database';
import { partsOf, storedEntry } from './stored-entry';

/** Where record types from a newer version, met in a backup, are kept (see BackupData.other). */
export const OTHER_KEY = 'otherRecords';

export type BackupsStore = ReturnType<typeof backupsStore>;

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; message: string };

export function backupsStore(conn: Connection) {
  const { db } = conn;

  /**
   * Which entry on the device holds each incoming action id, where that is not the entry the
   * action comes under: an action id belongs to one entry only. Actions found in their own
   * entry, or imported into an empty logbook, need no search; otherwise every entry is read
   * once (a second or two for 50,000), rather than every save paying for an index of action ids.
   */
  async function ownersOf(incoming: BackupData, held: ReadonlyMap<string, EntryParts>, heldCount: number): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    for (const [id, parts] of held) for (const action of parts.actions) owners.set(action.id, id);
    const unplaced = new Set(incoming.actions.filter((a) => owners.get(a.id) !== a.entryId).map((a) => a.id));
    if (!unplaced.size || (await db.entries.count()) === heldCount) return owners;
    await eachEntry(db.entries, (entry) => {
      for (const action of entry.actions) if (unplaced.has(action.id)) owners.set(action.id, entry.id);
      return undefined;
    });
    return owners;
  }

  return {
    /** Every record, tombstones included, for a backup; checked as a backup is checked on reading. */
    exportAll: () =>
      conn.read(() =>
        db.transaction('r', [db.entries, db.sessions, db.decks, db.checkins, db.meta], async (): Promise<BackupData> => {
          const entries: EntryRecord[] = [];
          const actions: ActionRecord[] = [];
          for (const stored of await db.entries.toArray()) {
            const parts = partsOf(stored);
            entries.push(parts.entry);
            actions.push(...parts.actions);
          }
          const other = ((await db.meta.get(OTHER_KEY))?.value ?? {}) as Record<string, Versioned[]>;
          const decks = (await db.decks.toArray()).map(restoreOwnDeck);
          const data: BackupData = {
            entries,
            actions,
            sessions: (await db.sessions.toArray()).map(restoreSession),
            ...(decks.length ? { decks } : {}),
            checkins: (await db.checkins.toArray()).map(restoreCheckin),
            ...(Object.keys(other).length ? { other } : {}),
          };
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
        db.transaction(dryRun ? 'r' : 'rw', [db.entries, db.sessions, db.decks, db.checkins, db.meta], async (): Promise<ImportResult> => {
          const entryIds = new Set([...incoming.entries.map((e) => e.id), ...incoming.actions.map((a) => a.entryId)]);
          // Only the entries already on the device are read: one key listing instead of a lookup per record.
          const heldEntryIds = ((await db.entries.toCollection().primaryKeys()) as string[]).filter((id) => entryIds.has(id));
          const entries = new Map<string, EntryParts>();
          for (const record of heldEntryIds.length ? await db.entries.bulkGet(heldEntryIds) : []) if (record) entries.set(record.id, partsOf(record));
          const actionOwners = await ownersOf(incoming, entries, heldEntryIds.length);
          const sessionIds = incoming.sessions.map((s) => s.id);
          const sessions = new Map(
            (sessionIds.length ? await db.sessions.bulkGet(sessionIds) : []).flatMap((s) => (s ? [[s.id, restoreSession(s)] as const] : [])),
          );
          const deckIds = (incoming.decks ?? []).map((d) => d.id);
          const decks = new Map((deckIds.length ? await db.decks.bulkGet(deckIds) : []).flatMap((d) => (d ? [[d.id, restoreOwnDeck(d)] as const] : [])));
          const checkinIds = incoming.checkins.map((c) => c.id);
          const checkins = new Map(
            (checkinIds.length ? await db.checkins.bulkGet(checkinIds) : []).flatMap((c) => (c ? [[c.id, restoreCheckin(c)] as const] : [])),
          );
          const held = ((await db.meta.get(OTHER_KEY))?.value ?? {}) as Record<string, Versioned[]>;
          const other = Object.fromEntries(Object.entries(held).map(([name, records]) => [name, new Map(records.map((r) => [r.id, r]))]));
          const result = planImport(incoming, { entries, actionOwners, sessions, decks, checkins, other });
          if (!result.ok || dryRun) return result;
          const { plan } = result;
          await db.entries.bulkPut(plan.entries.map((parts) => storedEntry(parts.entry, parts.actions)));
          await db.sessions.bulkPut(plan.sessions);
          await db.decks.bulkPut(plan.decks);
          await db.checkins.bulkPut(plan.checkins);
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

    /**
     * Deletes every entry, action, session, check-in, deck made here and draft on this device
     * (settings are kept). Shared spaces are kept, and merged whole into the logbook again.
     */
    clearAll: () =>
      conn.write(() =>
        db.transaction('rw', [db.entries, db.sessions, db.decks, db.checkins, db.drafts, db.meta, db.spaces], async () => {
          await Promise.all([db.entries.clear(), db.sessions.clear(), db.decks.clear(), db.checkins.clear(), db.drafts.clear(), db.meta.delete(OTHER_KEY)]);
          await db.spaces.toCollection().modify((space) => void delete space.merged);
        }),
      ),
  };
}
