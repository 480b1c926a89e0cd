/**
 * Moving a logbook into a fresh database, so what the disk held before the lock was set goes.
 * Chromium's LevelDB keeps overwritten values in its files until it compacts them; encrypting
 * records in place is not enough, and neither is deleting one database while another of the
 * app's remains (its values stay in the shared files). Deleting the *last* database of the app
 * removes the files themselves (tests/e2e/lock-profile.spec.ts shows both).
 *
 * So the copy is kept outside IndexedDB, in a file of the origin's private file system: every
 * record as stored (sealed records stay sealed, so no key is needed), one line each, ending
 * with a line that says it is whole. Then the logbook is deleted, made anew and filled from the
 * copy, and the copy removed. A crash at any point leaves one complete copy: until the copy is
 * whole the logbook is untouched (an incomplete copy is dropped at the next start); after it,
 * the next start fills a new logbook from it again.
 *
 * Raw IndexedDB, not Dexie: the copy must not pass the sealing middleware.
 */

/** Records per transaction: a big logbook is copied without holding it all in memory. */
const BATCH = 500;
/** The copy's last line. */
const WHOLE = '"whole"';

/** Changes a record on its way into the copy (the lock's record notes that the disk is clean). */
export type Transform = (store: string, key: IDBValidKey, value: unknown) => unknown;

/** A file kept apart from IndexedDB, written whole or not at all. */
export interface SpareFile {
  write(lines: AsyncIterable<string>): Promise<void>;
  /** Its lines, or null if there is none. */
  read(): Promise<AsyncIterable<string> | null>;
  remove(): Promise<void>;
}

export interface FreshCopy {
  idb: IDBFactory;
  name: string;
  spare: SpareFile;
  /** Closes the logbook's connection (so it can be deleted). */
  close: () => void;
  /** Opens the logbook (a new, empty one after a deletion) and hands back its connection. */
  open: () => Promise<IDBDatabase>;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
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

function deleteDatabase(idb: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Other tabs' connections are asked to close (versionchange); the deletion waits for them.
    const request = idb.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The logbook could not be deleted'));
  });
}

const toBase64 = (bytes: Uint8Array) => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** JSON with the binary values sealed records hold; anything else JSON cannot carry stops the move rather than change a record. */
function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $u8: toBase64(value) };
  // A field set to undefined reads back as one not there.
  if (value === undefined) return undefined;
  if (value instanceof ArrayBuffer) return { $ab: toBase64(new Uint8Array(value)) };
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? fail() : encode(item)));
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return fail();
}

function fail(): never {
  throw new Error('The logbook holds a value that cannot be copied, so it was left where it is.');
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (typeof object.$u8 === 'string') return fromBase64(object.$u8);
  if (typeof object.$ab === 'string') return fromBase64(object.$ab).buffer;
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, decode(v)]));
}

/** Every record of every store, as `[store, key, value]` lines, a batch per read transaction; then the line that says it is whole. */
async function* linesOf(from: IDBDatabase, transform: Transform): AsyncGenerator<string> {
  for (const store of from.objectStoreNames) {
    let after: IDBValidKey | null = null;
    for (;;) {
      const read = from.transaction(store, 'readonly').objectStore(store);
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const [keys, values]: [IDBValidKey[], unknown[]] = await Promise.all([done(read.getAllKeys(range, BATCH)), done(read.getAll(range, BATCH))]);
      for (const [n, key] of keys.entries()) yield JSON.stringify(encode([store, key, transform(store, key, values[n])]));
      if (keys.length < BATCH) break;
      after = keys[keys.length - 1]!;
    }
  }
  yield WHOLE;
}

async function isWhole(lines: AsyncIterable<string>): Promise<boolean> {
  let last = '';
  for await (const line of lines) last = line;
  return last === WHOLE;
}

/** Fills a new, empty logbook from the copy, a batch per transaction. */
async function fill(into: IDBDatabase, lines: AsyncIterable<string>): Promise<void> {
  let batch: { store: string; key: IDBValidKey; value: unknown }[] = [];
  const flush = async () => {
    const store = batch[0]?.store;
    if (!store || !into.objectStoreNames.contains(store)) return void (batch = []);
    const tx = into.transaction(store, 'readwrite');
    const write = tx.objectStore(store);
    for (const record of batch) {
      if (write.keyPath === null) write.put(record.value, record.key);
      else write.put(record.value);
    }
    batch = [];
    await committed(tx);
  };
  for await (const line of lines) {
    if (line === WHOLE) break;
    const [store, key, value] = decode(JSON.parse(line)) as [string, IDBValidKey, unknown];
    if (batch.length >= BATCH || (batch[0] && batch[0].store !== store)) await flush();
    batch.push({ store, key, value });
  }
  await flush();
}

/** Deletes the logbook (its files go with it), makes it anew from the whole copy, and drops the copy. */
async function refill(target: FreshCopy): Promise<void> {
  target.close();
  await deleteDatabase(target.idb, target.name);
  const fresh = await target.open();
  const lines = await target.spare.read();
  if (lines) await fill(fresh, lines);
  await target.spare.remove();
}

/** Moves the logbook into a fresh database; what it held before, and every older value the disk kept, goes. */
export async function moveToFresh(target: FreshCopy, transform: Transform): Promise<void> {
  const from = await target.open();
  await target.spare.write(linesOf(from, transform));
  await refill(target);
}

/** At start, before the logbook is used: finishes a move a crash interrupted, or drops a copy left incomplete. */
export async function finishMove(target: FreshCopy): Promise<void> {
  const lines = await target.spare.read();
  if (!lines) return;
  if (await isWhole(lines)) return refill(target);
  await target.spare.remove();
}

/** The copy as a file of the origin's private file system; null where the browser has none (the move is then not made). */
export function privateFile(name: string): SpareFile | null {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.getDirectory !== 'function' || typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) return null;
  const file = `${name}.fresh-copy`;
  const handle = async (create: boolean) => {
    try {
      return await (await storage.getDirectory()).getFileHandle(file, { create });
    } catch (error) {
      if (!create && error instanceof DOMException && error.name === 'NotFoundError') return null;
      throw error;
    }
  };
  return {
    async write(lines) {
      // A writable stream is kept aside and put in place only when closed: the file is whole or empty.
      const writable = await (await handle(true))!.createWritable();
      try {
        for await (const line of lines) await writable.write(`${line}\n`);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },
    async read() {
      const found = await handle(false);
      if (!found) return null;
      const stream = (await found.getFile()).stream().pipeThrough(new TextDecoderStream());
      return (async function* () {
        let rest = '';
        for await (const chunk of stream as unknown as AsyncIterable<string>) {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop()!;
          yield* parts;
        }
        if (rest) yield rest;
      })();
    },
    async remove() {
      await (await storage.getDirectory()).removeEntry(file).catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
      });
    },
  };
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
