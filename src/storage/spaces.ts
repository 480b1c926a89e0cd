/**
 * The shared spaces this device belongs to (see src/sync/README.md): each membership with its
 * keys, as the sync library returned it (the member's private key is a non-extractable
 * CryptoKey, which IndexedDB keeps as it is), and each space's Yjs document state, so the app
 * works offline and sends again, on reconnecting, whatever it kept.
 */
import Dexie from 'dexie';
import type { SpaceKind } from '../domain/sync/space-scope';
import { ACTION, type ActionRecord } from '../domain/records/action';
import { ENTRY, type EntryRecord } from '../domain/records/entry';
import type { Versioned } from '../domain/records/merge';
import type { StoredKind } from '../domain/records/kind';
import { recordKinds } from '../domain/records/registry';
import { restoreRecord, restoreSession } from '../domain/records/restore';
import type { Membership } from '../sync/api';
import { OTHER_KEY } from './backups';
import type { Connection } from './connection';
import { partsOf, storedEntry } from './stored-entry';

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
  /**
   * The document's state vector when all it held was last merged into the logbook: a visit that
   * finds the document as it was then need not merge it again.
   */
  merged?: Uint8Array;
  state: SpaceState;
}

export interface SpaceDoc {
  id: string;
  /** Y.encodeStateAsUpdate of the space's document. */
  state: Uint8Array;
}

/** Records as a space is given them: each entry with every action it ever had, every other kind by its list. */
export interface LogbookRecords {
  entries: { entry: EntryRecord; actions: ActionRecord[] }[];
  lists: Record<string, Versioned[]>;
}

export type SpacesStore = ReturnType<typeof spacesStore>;

export function spacesStore(conn: Connection) {
  const { db, name } = conn;
  /** Every registered kind but entries and actions, each with its table, or none: then a backup kept it beside the logbook. */
  const plainKinds = () =>
    recordKinds()
      .filter((kind) => kind !== ENTRY && kind !== ACTION)
      .map((kind) => ({ kind, table: db.tables.find((t) => t.name === kind.list) }));

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

    /** Every record of every registered kind, or those changed at or after a time (by `updatedAt`), tombstones included. */
    records: (since?: string) =>
      conn.read(() => {
        const kinds = plainKinds();
        const tables = kinds.flatMap(({ table }) => (table ? [table] : []));
        return db.transaction('r', [db.entries, db.meta, ...tables], async (): Promise<LogbookRecords> => {
          const entries = since ? await db.entries.where('updatedAt').aboveOrEqual(since).toArray() : await db.entries.toArray();
          const kept = ((await db.meta.get(OTHER_KEY))?.value ?? {}) as Record<string, Versioned[]>;
          const lists: Record<string, Versioned[]> = {};
          for (const { kind, table } of kinds) {
            const raw = table
              ? ((since ? await table.where('updatedAt').aboveOrEqual(since).toArray() : await table.toArray()) as Versioned[])
              : (kept[kind.list] ?? []).filter((r) => !since || r.updatedAt >= since);
            lists[kind.list] = raw.map((r) => restoreRecord(kind, r));
          }
          return { entries: entries.map(partsOf), lists };
        });
      }),

    /**
     * Takes records withdrawn from a shared space out of this logbook, all in one transaction: a
     * copy of someone else's writing they no longer share. An entry goes with its actions.
     */
    remove: (items: readonly { kind: StoredKind; record: Versioned }[]) =>
      conn.write(() => {
        const kinds = plainKinds();
        const tables = kinds.flatMap(({ table }) => (table ? [table] : []));
        return db.transaction('rw', [db.entries, db.meta, ...tables], async () => {
          const kept = ((await db.meta.get(OTHER_KEY))?.value ?? {}) as Record<string, Versioned[]>;
          let keptChanged = false;
          for (const { kind, record } of items) {
            if (kind === ENTRY) await db.entries.delete(record.id);
            else if (kind === ACTION) {
              const stored = await db.entries.get((record as ActionRecord).entryId);
              if (!stored) continue;
              const { entry, actions } = partsOf(stored);
              if (actions.some((a) => a.id === record.id)) await db.entries.put(storedEntry(entry, actions.filter((a) => a.id !== record.id)));
            } else {
              const table = kinds.find((k) => k.kind === kind)?.table;
              if (table) await table.delete(record.id);
              else if (kept[kind.list]?.some((r) => r.id === record.id)) {
                kept[kind.list] = kept[kind.list]!.filter((r) => r.id !== record.id);
                keptChanged = true;
              }
            }
          }
          if (keptChanged) await db.meta.put({ key: OTHER_KEY, value: kept });
        });
      }),

    /** Entries by id, with every action they ever had. */
    entries: (ids: readonly string[]) =>
      conn.read(async () => (await db.entries.bulkGet([...ids])).flatMap((stored) => (stored ? [partsOf(stored)] : []))),

    /** Every session (for a pair space's series). */
    sessions: () => conn.read(async () => (await db.sessions.toArray()).map(restoreSession)),

    /** Told after any write to a table of records, from this tab or another (Dexie relays between tabs). */
    onRecordsChanged(callback: () => void): () => void {
      const listener = (parts: Record<string, unknown>) => {
        const watched = [ENTRY.list, ...plainKinds().flatMap(({ table }) => (table ? [table.name] : []))].map((table) => `idb://${name}/${table}/`);
        if (Object.keys(parts).some((part) => watched.some((prefix) => part.startsWith(prefix)))) callback();
      };
      Dexie.on('storagemutated', listener);
      return () => Dexie.on('storagemutated').unsubscribe(listener);
    },
  };
}
