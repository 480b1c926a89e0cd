/**
 * Storage buckets (Chromium): storage of the origin's with files of its own, so deleting one
 * removes what it held from the disk at once (see README.md). Not yet in TypeScript's DOM types.
 */
interface StorageBucket {
  indexedDB: IDBFactory;
  persist?(): Promise<boolean>;
}

export interface StorageBuckets {
  open(name: string, options?: { persisted?: boolean; durability?: 'strict' | 'relaxed' }): Promise<StorageBucket>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<void>;
}

/** The browser's storage buckets, in a page or a worker; undefined where there are none. */
export const storageBuckets = (): StorageBuckets | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { storageBuckets?: StorageBuckets }).storageBuckets;

/** The IndexedDB of a bucket (made if missing), or the origin's shared one for `null`. */
export async function indexedDBOf(bucket: string | null): Promise<IDBFactory> {
  const buckets = storageBuckets();
  return bucket !== null && buckets ? (await buckets.open(bucket, { persisted: true })).indexedDB : indexedDB;
}

/** The names of the buckets the device's logbook is kept in (home.ts). */
export const LOGBOOK_BUCKETS = 'logbook-';

/** Asks the browser to keep the logbook's bucket under storage pressure, as `navigator.storage.persist()` does for the shared store. */
export async function persistLogbookBuckets(): Promise<void> {
  const buckets = storageBuckets();
  if (!buckets) return;
  for (const name of await buckets.keys()) {
    if (name.startsWith(LOGBOOK_BUCKETS)) await (await buckets.open(name, { persisted: true })).persist?.();
  }
}
