/**
 * Moving a logbook into a fresh database of the same name, so what the disk held before the
 * lock was set goes with the old one. Chromium's LevelDB keeps overwritten values in its log and
 * tables until it compacts them, and only deleting a database removes them; encrypting records
 * in place is not enough.
 *
 * The move copies every store, record for record as stored (sealed records stay sealed, so no
 * key is needed), into a second database, marks that copy complete in the same transaction as
 * its last records, deletes the logbook, and copies back into a new one. A crash at any point
 * leaves one complete copy: before the mark the logbook is untouched (the copy is dropped at the
 * next start); after it the copy is whole, and the next start copies it back again.
 *
 * Raw IndexedDB, not Dexie: the copy must not pass the sealing middleware.
 */

/** The copy's own store: one record, written with the last batch. */
const MARK_STORE = '$copy';
const MARK_KEY = 'complete';
/** Records per transaction: a big logbook is copied without holding it all in memory. */
const BATCH = 500;

export const copyName = (name: string) => `${name}:fresh-copy`;

/** Changes a record on its way into the copy (the lock's record notes that the disk is clean). */
export type Transform = (store: string, key: IDBValidKey, value: unknown) => unknown;

const done = (request: IDBRequest): Promise<unknown> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

export function deleteDatabase(idb: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = idb.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The database could not be deleted'));
    // Other connections are asked to close (versionchange); the deletion waits for them.
  });
}

/** Opens the copy if it exists; never creates one (an upgrade from nothing is aborted, which leaves no database). */
function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = idb.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      if (created) resolve(null);
      else reject(request.error ?? new Error('The copy could not be opened'));
    };
  });
}

/** A new, empty copy with a store for each of the logbook's (keys as they are; no indexes, nothing queries it). */
function createCopy(idb: IDBFactory, name: string, from: IDBDatabase): Promise<IDBDatabase> {
  const shapes = [...from.objectStoreNames].map((store) => {
    const tx = from.transaction(store, 'readonly');
    const { keyPath, autoIncrement } = tx.objectStore(store);
    return { store, keyPath, autoIncrement };
  });
  return new Promise((resolve, reject) => {
    const request = idb.open(name, 1);
    request.onupgradeneeded = () => {
      for (const { store, keyPath, autoIncrement } of shapes) request.result.createObjectStore(store, { keyPath, autoIncrement });
      request.result.createObjectStore(MARK_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The copy could not be made'));
  });
}

/** Copies every store of `from` into `to`, a batch per transaction; `last` runs in the last one (the mark). */
async function copyStores(from: IDBDatabase, to: IDBDatabase, transform: Transform, last: (tx: IDBTransaction) => void): Promise<void> {
  const stores = [...from.objectStoreNames].filter((s) => s !== MARK_STORE && to.objectStoreNames.contains(s));
  for (const [i, store] of stores.entries()) {
    let after: IDBValidKey | null = null;
    for (;;) {
      const read = from.transaction(store, 'readonly').objectStore(store);
      const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const [keys, values] = (await Promise.all([done(read.getAllKeys(range, BATCH)), done(read.getAll(range, BATCH))])) as [IDBValidKey[], unknown[]];
      const final = keys.length < BATCH && i === stores.length - 1;
      const names = final ? [store, ...(to.objectStoreNames.contains(MARK_STORE) ? [MARK_STORE] : [])] : [store];
      const tx = to.transaction(names, 'readwrite');
      const write = tx.objectStore(store);
      keys.forEach((key, n) => {
        const value = transform(store, key, values[n]);
        if (write.keyPath === null) write.put(value, key);
        else write.put(value);
      });
      if (final) last(tx);
      await committed(tx);
      if (keys.length < BATCH) break;
      after = keys[keys.length - 1]!;
    }
  }
  if (!stores.length) {
    const tx = to.transaction(MARK_STORE, 'readwrite');
    last(tx);
    await committed(tx);
  }
}

async function isComplete(copy: IDBDatabase): Promise<boolean> {
  if (!copy.objectStoreNames.contains(MARK_STORE)) return false;
  return (await done(copy.transaction(MARK_STORE, 'readonly').objectStore(MARK_STORE).get(MARK_KEY))) === true;
}

export interface FreshCopy {
  idb: IDBFactory;
  name: string;
  /** Closes the logbook's connection (so it can be deleted). */
  close: () => void;
  /** Opens the logbook (a new, empty one after a deletion) and hands back its connection. */
  open: () => Promise<IDBDatabase>;
}

/** Copies back from a complete copy into a new logbook, then drops the copy. */
async function copyBack(target: FreshCopy, copy: IDBDatabase): Promise<void> {
  try {
    target.close();
    await deleteDatabase(target.idb, target.name);
    const fresh = await target.open();
    await copyStores(copy, fresh, (_store, _key, value) => value, () => undefined);
  } finally {
    // An open connection would hold up deleting it, now or at the next start.
    copy.close();
  }
  await deleteDatabase(target.idb, copyName(target.name));
}

/** Moves the logbook into a fresh database; what it held before, and every older value the disk kept, goes. */
export async function moveToFresh(target: FreshCopy, transform: Transform): Promise<void> {
  await deleteDatabase(target.idb, copyName(target.name));
  const from = await target.open();
  const copy = await createCopy(target.idb, copyName(target.name), from);
  try {
    await copyStores(from, copy, transform, (tx) => tx.objectStore(MARK_STORE).put(true, MARK_KEY));
  } catch (error) {
    copy.close();
    throw error;
  }
  await copyBack(target, copy);
}

/** At start, before the logbook is opened: finishes a move a crash interrupted, or drops a copy left incomplete. */
export async function finishMove(target: FreshCopy): Promise<void> {
  const copy = await openExisting(target.idb, copyName(target.name));
  if (!copy) return;
  // A copy that cannot be read is kept (it may be the only whole one): the next start tries again.
  if (await isComplete(copy)) return copyBack(target, copy);
  copy.close();
  await deleteDatabase(target.idb, copyName(target.name));
}

/**
 * Held by the tab moving the logbook (exclusive), and awaited (shared) by tabs that found their
 * connection closed by the move, so they open the new logbook only once it is whole.
 */
export function duringMove<T>(name: string, mode: LockMode, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // then() unwraps the promise the callback gives back.
  return locks ? locks.request(`power-shifting:fresh-copy:${name}`, { mode }, work).then((result) => result) : work();
}
