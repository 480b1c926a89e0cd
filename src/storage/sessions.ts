/** Sessions: starting one, changing one, and the live queries the session screens read. */
import { writeRecord } from '../domain/records/merge';
import { restoreSession } from '../domain/records/restore';
import { SESSION, type SessionRecord } from '../domain/records/session';
import type { Connection, Unsubscribe } from './connection';
import type { StorageProblem } from './storage-problem';

export type SessionsStore = ReturnType<typeof sessionsStore>;

export function sessionsStore(conn: Connection) {
  const { db } = conn;
  const restored = (session: SessionRecord | undefined) => session && restoreSession(session);

  return {
    /** Stores a new session. */
    create: (session: SessionRecord) =>
      conn.write(async () => {
        const record = writeRecord(SESSION, undefined, session, await conn.stamp());
        await db.sessions.add(record);
        return record;
      }),

    /**
     * Applies a change to the stored session inside one transaction, so concurrent changes from
     * two windows both land. `base`, when given, is the version the change was made from (notes
     * typed while another window changed them): what changed since is kept beside it.
     */
    change: (id: string, change: (session: SessionRecord) => SessionRecord | undefined, base?: SessionRecord) =>
      conn.write(async () => {
        const stamp = await conn.stamp();
        return db.transaction('rw', db.sessions, async () => {
          const current = restored(await db.sessions.get(id));
          if (!current || current.deleted) return undefined;
          // Made from the version the person saw, so only what they changed is written.
          const next = change(base ?? current);
          if (!next) return current;
          const record = writeRecord(SESSION, current, { ...next, id }, stamp, base ? { base } : {});
          if (record !== current) await db.sessions.put(record);
          return record;
        });
      }),

    get: (id: string) => conn.read(async () => restored(await db.sessions.get(id))),

    watchAll: (onValue: (sessions: SessionRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(async () => (await db.sessions.where('deleted').equals(0).toArray()).map(restoreSession), onValue, onError),

    watch: (id: string, onValue: (session: SessionRecord | undefined) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(async () => restored(await db.sessions.get(id)), onValue, onError),

    /** Every session, deleted ones included. */
    all: () => conn.read(async () => (await db.sessions.toArray()).map(restoreSession)),
  };
}
