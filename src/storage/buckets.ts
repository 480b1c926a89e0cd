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

/**
 * Buckets opened by this page or worker, kept for as long as it lives: in Chromium 156 a
 * transaction on a bucket's IndexedDB whose bucket object has been collected as garbage may
 * never complete (a worker's CSV export was seen to wait forever on its last commit).
 */
const opened = new WeakMap<StorageBuckets, Map<string, Promise<StorageBucket>>>();

/** A bucket (made if missing), opened once per page or worker. `persisted`: to be kept under storage pressure. */
export function openBucket(buckets: StorageBuckets, name: string, persisted = true): Promise<StorageBucket> {
  const held = opened.get(buckets) ?? new Map<string, Promise<StorageBucket>>();
  opened.set(buckets, held);
  let bucket = held.get(name);
  if (!bucket) {
    bucket = buckets.open(name, { persisted });
    held.set(name, bucket);
    bucket.catch(() => held.delete(name));
  }
  return bucket;
}

/** Deletes a bucket and its files. */
export function deleteBucket(buckets: StorageBuckets, name: string): Promise<void> {
  opened.get(buckets)?.delete(name);
  return buckets.delete(name);
}

/** The IndexedDB of a bucket (made if missing), or the origin's shared one for `null`. */
export async function indexedDBOf(bucket: string | null): Promise<IDBFactory> {
  const buckets = storageBuckets();
  return bucket !== null && buckets ? (await openBucket(buckets, bucket)).indexedDB : indexedDB;
}

/** The names of the buckets the device's logbook is kept in (home.ts). */
export const LOGBOOK_BUCKETS = 'logbook-';

/** Asks the browser to keep the logbook's bucket under storage pressure, as `navigator.storage.persist()` does for the shared store. */
export async function persistLogbookBuckets(): Promise<void> {
  const buckets = storageBuckets();
  if (!buckets) return;
  for (const name of await buckets.keys()) {
    if (name.startsWith(LOGBOOK_BUCKETS)) await (await openBucket(buckets, name)).persist?.();
  }
}
