/**
 * Where a guest's logbook lives. Where the browser has storage buckets (Chromium), a bucket of
 * its own: deleting it removes its files from the disk at once. Deleting a database in the
 * shared store is not enough: LevelDB keeps old values in its files until it compacts them (see
 * README.md). Elsewhere, a database of its own, deleted on leaving.
 */
import { deleteBucket, openBucket, storageBuckets } from './buckets';

export const GUEST_DATABASE = 'power-shifting-guest';
const BUCKET = 'guest';

export async function guestIndexedDB(): Promise<IDBFactory> {
  const found = storageBuckets();
  return found ? (await openBucket(found, BUCKET, false)).indexedDB : indexedDB;
}

/** Deletes the guest's logbook and everything else of the guest session. */
export async function wipeGuest(): Promise<void> {
  const found = storageBuckets();
  if (found) await deleteBucket(found, BUCKET);
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(GUEST_DATABASE);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The guest logbook could not be deleted'));
  });
}
