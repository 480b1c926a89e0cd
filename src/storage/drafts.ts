/**
 * What people typed and have not saved yet, one record per tab and thing being written, so that
 * two tabs never share (or delete) each other's draft. Written within a second of typing (see
 * ui/shell/use-debounced-save.ts): IndexedDB reaches the disk as soon as its transaction
 * completes, so a draft there survives the browser being killed.
 */
import type { Connection, Unsubscribe } from './connection';
import type { DraftRecord } from './database';
import type { StorageProblem } from './storage-problem';

export type { DraftRecord };

export type DraftsStore = ReturnType<typeof draftsStore>;

export const draftKey = (tab: string, target: string) => `${tab}|${target}`;

export function draftsStore(conn: Connection) {
  const { db } = conn;
  return {
    put: (tab: string, target: string, value: unknown) =>
      conn.write(async () => {
        const record: DraftRecord = { key: draftKey(tab, target), tab, target, savedAt: conn.now().toISOString(), value };
        await db.drafts.put(record);
        return record;
      }),

    get: (key: string) => conn.read(() => db.drafts.get(key)),

    /** Every tab's draft of one thing, newest first. */
    of: (target: string) =>
      conn.read(async () => (await db.drafts.where('target').equals(target).toArray()).sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1))),

    /** Moves a draft to another key (a tab taking over a draft left by a closed one) in one transaction. */
    move: (from: string, tab: string, target: string) =>
      conn.write(() =>
        db.transaction('rw', db.drafts, async () => {
          const draft = await db.drafts.get(from);
          if (!draft) return undefined;
          const moved: DraftRecord = { ...draft, key: draftKey(tab, target), tab, target };
          await db.drafts.delete(from);
          await db.drafts.put(moved);
          return moved;
        }),
      ),

    remove: (key: string) => conn.write(() => db.drafts.delete(key)),

    watchAll: (onValue: (drafts: DraftRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(() => db.drafts.toArray(), onValue, onError),
  };
}
