/** Check-ins: starting one, changing one, deleting one (a tombstone, so it merges), and the live queries. */
import { CHECKIN, type CheckinRecord } from '../domain/records/checkin';
import { writeRecord } from '../domain/records/merge';
import { restoreCheckin } from '../domain/records/restore';
import type { Connection, Unsubscribe } from './connection';
import type { StorageProblem } from './storage-problem';

export type CheckinsStore = ReturnType<typeof checkinsStore>;

export function checkinsStore(conn: Connection) {
  const { db } = conn;
  const restored = (checkin: CheckinRecord | undefined) => checkin && restoreCheckin(checkin);
  const live = async () => (await db.checkins.where('deleted').equals(0).toArray()).map(restoreCheckin);

  /**
   * Applies a change inside one transaction, so changes from two windows both land. `base`: the
   * version the change was made from (a note typed while another window changed it). `settle`:
   * paths given two values at once elsewhere, written even if unchanged, so the choice stands.
   */
  const change = (id: string, change: (checkin: CheckinRecord) => CheckinRecord | undefined, base?: CheckinRecord, settle?: string[]) =>
    conn.write(async () => {
      const stamp = await conn.stamp();
      return db.transaction('rw', db.checkins, async () => {
        const current = restored(await db.checkins.get(id));
        if (!current || current.deleted) return undefined;
        const next = change(base ?? current);
        if (!next) return current;
        const record = writeRecord(CHECKIN, current, { ...next, id }, stamp, { ...(base ? { base } : {}), ...(settle ? { settle } : {}) });
        if (record !== current) await db.checkins.put(record);
        return record;
      });
    });

  return {
    create: (checkin: CheckinRecord) =>
      conn.write(async () => {
        const record = writeRecord(CHECKIN, undefined, checkin, await conn.stamp());
        await db.checkins.add(record);
        return record;
      }),

    change,

    /** Marks it deleted; `restore` undoes that. Both are writes like any other, so they merge. */
    remove: (id: string) => change(id, (c) => ({ ...c, deleted: 1 })),
    restore: (id: string) =>
      conn.write(async () => {
        const stamp = await conn.stamp();
        return db.transaction('rw', db.checkins, async () => {
          const current = restored(await db.checkins.get(id));
          if (!current || !current.deleted) return current;
          const record = writeRecord(CHECKIN, current, { ...current, deleted: 0 }, stamp);
          await db.checkins.put(record);
          return record;
        });
      }),

    /** The live check-ins. */
    all: () => conn.read(live),

    get: (id: string) => conn.read(async () => restored(await db.checkins.get(id))),

    watchAll: (onValue: (checkins: CheckinRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(live, onValue, onError),

    watch: (id: string, onValue: (checkin: CheckinRecord | undefined) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(async () => restored(await db.checkins.get(id)), onValue, onError),

    /** The live check-ins done in a session. */
    watchInSession: (sessionId: string, onValue: (checkins: CheckinRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(async () => (await db.checkins.where('sessionId').equals(sessionId).toArray()).map(restoreCheckin).filter((c) => c.deleted === 0), onValue, onError),
  };
}
