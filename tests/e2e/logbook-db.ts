/** Reaching the app's own logbook from a test, past the app. */
import type { Page } from '@playwright/test';

/**
 * The IndexedDB the app keeps the device's logbook in, found in the page as the app finds it
 * (src/storage/home.ts): the newest `logbook-` storage bucket, or the origin's shared store.
 * Stable states only: during a move there are two buckets.
 */
export async function logbookIndexedDB(): Promise<IDBFactory> {
  const buckets = (navigator as unknown as { storageBuckets?: { keys(): Promise<string[]>; open(name: string): Promise<{ indexedDB: IDBFactory }> } }).storageBuckets;
  const names = ((await buckets?.keys()) ?? []).filter((name) => name.startsWith('logbook-')).sort();
  const newest = names[names.length - 1];
  return newest && buckets ? (await buckets.open(newest)).indexedDB : indexedDB;
}

/** The storage buckets the app keeps the device's logbook in (two only while it moves). */
export function logbookBuckets(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await (navigator as unknown as { storageBuckets: { keys(): Promise<string[]> } }).storageBuckets.keys()).filter((name) => name.startsWith('logbook-')),
  );
}
