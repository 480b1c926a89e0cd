/** Small settings kept with the logbook: when the last backup was made, whether storage was asked to persist. */
import type { Connection } from './connection';

export type MetaStore = ReturnType<typeof metaStore>;

export function metaStore(conn: Connection) {
  const { db } = conn;
  return {
    get: <T>(key: string) => conn.read(async () => (await db.meta.get(key))?.value as T | undefined),
    set: (key: string, value: unknown) => conn.write(async () => void (await db.meta.put({ key, value }))),
  };
}
