/**
 * The shared spaces this device belongs to (see src/sync/README.md): each membership with its
 * keys, as the sync library returned it (the member's private key is a non-extractable
 * CryptoKey, which IndexedDB keeps as it is), and each space's Yjs document state, so the app
 * works offline and sends again, on reconnecting, whatever it kept.
 */
import Dexie from 'dexie';
import type { SpaceKind } from '../domain/sync/space-scope';
import type { ActionRecord } from '../domain/records/action';
import type { EntryRecord } from '../domain/records/entry';
import { restoreSession } from '../domain/records/restore';
import type { SessionRecord } from '../domain/records/session';
import type { Membership } from '../sync/api';
import type { Connection } from './connection';
import { partsOf } from './stored-entry';

export type SpaceState = 'active' | 'left' | 'removed';

export interface StoredSpace {
  /** The space id. */
  id: string;
  kind: SpaceKind;
  /** A team's name; a pair's series; empty for one's own devices. */
  name: string;
  membership: Membership;
  joinedAt: string;
  lastSyncedAt?: string;
  state: SpaceState;
}

export interface SpaceDoc {
  id: string;
  /** Y.encodeStateAsUpdate of the space's document. */
  state: Uint8Array;
}

/** Records as a space is given them: each entry with every action it ever had. */
export interface LogbookRecords {
  entries: { entry: EntryRecord; actions: ActionRecord[] }[];
  sessions: SessionRecord[];
}

export type SpacesStore = ReturnType<typeof spacesStore>;

export function spacesStore(conn: Connection) {
  const { db, name } = conn;
  const watched = [`idb://${name}/entries/`, `idb://${name}/sessions/`];

  return {
    /** This device's id, as records' clocks name it. */
    deviceId: async () => (await conn.stamp()).device,
    list: () => conn.read(() => db.spaces.toArray()),
    get: (id: string) => conn.read(() => db.spaces.get(id)),
    put: (space: StoredSpace) => conn.write(async () => void (await db.spaces.put(space))),
    update: (id: string, change: Partial<Omit<StoredSpace, 'id'>>) => conn.write(async () => void (await db.spaces.update(id, change))),
    /** Forgets a space and its document (after leaving it, or being removed). */
    forget: (id: string) =>
      conn.write(() =>
        db.transaction('rw', db.spaces, db.spaceDocs, async () => {
          await db.spaces.delete(id);
          await db.spaceDocs.delete(id);
        }),
      ),
    loadDoc: (id: string) => conn.read(async () => (await db.spaceDocs.get(id))?.state),
    saveDoc: (id: string, state: Uint8Array) => conn.write(async () => void (await db.spaceDocs.put({ id, state }))),

    /** Every record, or those changed at or after a time (by `updatedAt`), tombstones included. */
    records: (since?: string) =>
      conn.read(() =>
        db.transaction('r', db.entries, db.sessions, async (): Promise<LogbookRecords> => {
          const entries = since ? await db.entries.where('updatedAt').aboveOrEqual(since).toArray() : await db.entries.toArray();
          const sessions = since ? await db.sessions.where('updatedAt').aboveOrEqual(since).toArray() : await db.sessions.toArray();
          return { entries: entries.map(partsOf), sessions: sessions.map(restoreSession) };
        }),
      ),

    /** Entries by id, with every action they ever had. */
    entries: (ids: readonly string[]) =>
      conn.read(async () => (await db.entries.bulkGet([...ids])).flatMap((stored) => (stored ? [partsOf(stored)] : []))),

    /** Every session (for a pair space's series). */
    sessions: () => conn.read(async () => (await db.sessions.toArray()).map(restoreSession)),

    /** Told after any write to entries or sessions, from this tab or another (Dexie relays between tabs). */
    onRecordsChanged(callback: () => void): () => void {
      const listener = (parts: Record<string, unknown>) => {
        if (Object.keys(parts).some((part) => watched.some((prefix) => part.startsWith(prefix)))) callback();
      };
      Dexie.on('storagemutated', listener);
      return () => Dexie.on('storagemutated').unsubscribe(listener);
    },
  };
}
