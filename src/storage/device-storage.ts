/** The browser's storage manager: whether our data is protected from eviction, and how much we use. */
import { persistLogbookBuckets } from './buckets';

export interface StorageStatus {
  /** null when the browser cannot say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function storageStatus(): Promise<StorageStatus> {
  const manager = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const [persisted, estimate] = await Promise.all([
    manager?.persisted ? manager.persisted().catch(() => null) : Promise.resolve(null),
    manager?.estimate ? manager.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks the browser not to clear our data under storage pressure. Resolves to the answer. */
export async function requestPersistence(): Promise<boolean | null> {
  const manager = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!manager?.persist) return null;
  const answer = await manager.persist().catch(() => null);
  // The logbook's own bucket (buckets.ts) is kept only if asked for too.
  if (answer) await persistLogbookBuckets().catch(() => undefined);
  return answer;
}
