/**
 * Where the device's own logbook lives. Where the browser has storage buckets (Chromium), in a
 * bucket of its own: deleting a bucket removes its files from the disk at once, while a value
 * overwritten or deleted in the origin's shared store stays in LevelDB's files until Chromium
 * compacts them, which no page can ask for (README.md). So once a lock has encrypted a logbook in
 * place, the logbook is *moved*: its records are copied as they are (encrypted) into a new bucket,
 * and the old bucket, whose files still hold what was written before the lock, is deleted.
 *
 * Every tab holds a shared Web Lock while it has the logbook open; finding the logbook when the
 * buckets need tidying, and moving it, take the lock alone, so no tab ever has open a logbook
 * that is being moved or deleted. A bucket is the logbook only once it carries a mark (written
 * when it is made, or as the last step of copying into it): a bucket without one is a move that
 * did not finish, and is deleted; the logbook it was copying stays where it was.
 *
 * Logbooks begun before buckets were used are in the shared store until their first move (what
 * they held before it may stay in the shared store's files). Browsers without buckets keep the
 * logbook in the shared store.
 */
import Dexie from 'dexie';
import { deleteBucket, LOGBOOK_BUCKETS as PREFIX, openBucket, storageBuckets, type StorageBuckets } from './buckets';
import { LogbookDB } from './database';
import { LOCK_KEY } from './lock-state';

export const LOGBOOK_DATABASE = 'power-shifting';
/** The mark, in the keyring table (never encrypted), that makes a bucket the logbook. */
export const HOME_MARK = 'home';
const LOCK = 'power-shifting:logbook';
/** Records copied per transaction when moving. */
const BATCH = 1000;

/** What the browser offers; tests pass their own. */
export interface HomeEnv {
  buckets: StorageBuckets | undefined;
  indexedDB: IDBFactory;
  locks: LockManager | undefined;
}

const browserEnv = (): HomeEnv => ({ buckets: storageBuckets(), indexedDB: globalThis.indexedDB, locks: typeof navigator === 'undefined' ? undefined : navigator.locks });

/** A bucket's name, or null for the origin's shared store. */
export type Place = string | null;

export interface Home {
  place: Place;
  indexedDB: IDBFactory;
  /** Lets other tabs move the logbook again (when this tab closes it). */
  release: () => void;
}

interface Survey {
  home: Place;
  /** Buckets and databases that are not the logbook: moves that did not finish, or the place one finished from. */
  leftovers: Place[];
  /** No logbook anywhere yet: the first one is made in a new bucket. */
  none: boolean;
  /** The logbook was encrypted in place, and its files may still hold what was written before: it is to be moved. */
  due: boolean;
}

interface Keyring {
  mark?: { from: Place };
  lock?: { phase?: string; progress?: unknown; residue?: boolean };
}

const factoryOf = async (env: HomeEnv, place: Place): Promise<IDBFactory> =>
  place === null ? env.indexedDB : (await openBucket(env.buckets!, place)).indexedDB;

const databaseOf = async (env: HomeEnv, place: Place) =>
  new LogbookDB(LOGBOOK_DATABASE, { indexedDB: await factoryOf(env, place), cache: 'disabled' });

/** The mark and the lock's record at `place`, read with IndexedDB itself: quicker than opening the logbook with its schema. */
async function keyringAt(env: HomeEnv, place: Place): Promise<Keyring> {
  const factory = await factoryOf(env, place);
  return new Promise((resolve, reject) => {
    // No version: whatever is there (in a bucket left empty by a move, an empty database, deleted with it).
    const request = factory.open(LOGBOOK_DATABASE);
    request.onerror = () => reject(request.error ?? new Error('The logbook could not be opened.'));
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('keyring')) return db.close(), resolve({});
      const store = db.transaction('keyring').objectStore('keyring');
      const mark = store.get(HOME_MARK);
      const lock = store.get(LOCK_KEY);
      lock.onsuccess = () => {
        db.close();
        resolve({ mark: (mark.result as { value: Keyring['mark'] } | undefined)?.value, lock: (lock.result as { value: Keyring['lock'] } | undefined)?.value });
      };
      lock.onerror = () => (db.close(), reject(lock.error ?? new Error('The logbook could not be read.')));
    };
  });
}

const moveDue = (env: HomeEnv, lock: Keyring['lock']) => !!env.buckets && lock?.phase === 'on' && !lock.progress && !!lock.residue;

/** Looks, without changing anything, at which bucket (or the shared store) is the logbook. */
async function survey(env: HomeEnv): Promise<Survey> {
  const buckets = env.buckets!;
  const [keys, databases] = await Promise.all([buckets.keys(), env.indexedDB.databases()]);
  const names = keys.filter((name) => name.startsWith(PREFIX)).sort();
  const shared = databases.some((d) => d.name === LOGBOOK_DATABASE);
  const found = await Promise.all(names.map(async (name) => [name, await keyringAt(env, name)] as const));
  const marked = found.filter(([, keyring]) => keyring.mark);
  const newest = marked[marked.length - 1];
  if (!newest) {
    const due = shared && moveDue(env, (await keyringAt(env, null)).lock);
    return { home: null, leftovers: names, none: !shared, due };
  }
  const [home, { mark, lock }] = newest;
  const leftovers: Place[] = names.filter((name) => name !== home);
  // The shared store is only ever left behind by a move from it: anything else there is not ours to delete.
  if (shared && mark!.from === null) leftovers.push(null);
  return { home, leftovers, none: false, due: moveDue(env, lock) };
}

async function remove(env: HomeEnv, place: Place): Promise<void> {
  if (place !== null) return deleteBucket(env.buckets!, place);
  await new Promise<void>((resolve, reject) => {
    const request = env.indexedDB.deleteDatabase(LOGBOOK_DATABASE);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The old copy of the logbook could not be deleted.'));
  });
}

const newBucket = () => `${PREFIX}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Deletes what a move left, or makes the first logbook; then says where the logbook is. Only with the lock held alone. */
async function tidy(env: HomeEnv): Promise<Survey> {
  const found = await survey(env);
  for (const place of found.leftovers) await remove(env, place);
  if (!found.none) return { ...found, leftovers: [] };
  const place = newBucket();
  const db = await databaseOf(env, place);
  try {
    await db.keyring.put({ id: HOME_MARK, value: { from: undefined } });
  } finally {
    db.close();
  }
  return { home: place, leftovers: [], none: false, due: false };
}

/**
 * Copies the logbook at `from`, record by record as stored (encrypted), into a new bucket, marks
 * the new bucket as the logbook, then deletes `from`. Killed half-way, the unmarked copy is
 * deleted the next time the logbook is found, and `from` is still the logbook.
 */
async function move(env: HomeEnv, from: Place): Promise<void> {
  const to = newBucket();
  const [source, target] = await Promise.all([databaseOf(env, from), databaseOf(env, to)]);
  try {
    for (const table of source.tables) {
      const keyPath = table.schema.primKey.keyPath as string;
      let batch = (await table.orderBy(':id').limit(BATCH).toArray()) as Record<string, unknown>[];
      while (batch.length) {
        const copied = table.name === 'keyring' ? batch.filter((r) => r.id !== HOME_MARK).map(withoutResidue) : batch;
        await target.table(table.name).bulkPut(copied);
        const last = batch[batch.length - 1]![keyPath] as string;
        batch = (await table.where(':id').above(last).limit(BATCH).toArray()) as Record<string, unknown>[];
      }
    }
    await target.keyring.put({ id: HOME_MARK, value: { from } });
  } finally {
    source.close();
    target.close();
  }
  await remove(env, from);
}

/** The lock's record, in its new bucket, no longer says an old copy remains. */
function withoutResidue(record: Record<string, unknown>): Record<string, unknown> {
  if (record.id !== LOCK_KEY) return record;
  const { residue: _, ...lock } = record.value as { residue?: boolean };
  return { ...record, value: lock };
}

const exclusively = <T>(env: HomeEnv, work: () => Promise<T>, options: { ifAvailable?: boolean; signal?: AbortSignal } = {}) =>
  env.locks!.request(LOCK, { mode: 'exclusive', ...options }, (lock) => (lock ? work() : Promise.resolve(undefined)));

/** Holds the lock shared until `release`, so nothing moves the logbook while this tab has it open. `release` resolves once it is let go. */
function holdShared(env: HomeEnv): Promise<() => Promise<void>> {
  return new Promise((granted) => {
    const held: Promise<unknown> = env.locks!.request(LOCK, { mode: 'shared' }, () =>
      new Promise<void>((release) => granted(() => (release(), held.then(() => undefined)))),
    );
  });
}

/**
 * Finds the device's logbook and holds it where it is until `release`. First tidies what a move
 * left, and finishes a move that is due if no other tab has the logbook open (`onMoving` is told).
 */
export async function holdHome(onMoving: () => void = () => undefined, env: HomeEnv = browserEnv()): Promise<Home> {
  // A browser that gives the page no IndexedDB (storage turned off): the same message as where buckets are not used.
  if (!env.indexedDB) throw new Dexie.MissingAPIError('IndexedDB is not available');
  if (!env.buckets || !env.locks) return { place: null, indexedDB: env.indexedDB, release: () => undefined };
  let tryMove = true;
  for (;;) {
    const release = await holdShared(env);
    let found: Survey;
    try {
      found = await survey(env);
      const clean = !found.none && found.leftovers.length === 0;
      if (clean && !(tryMove && found.due)) {
        return { place: found.home, indexedDB: await factoryOf(env, found.home), release: () => void release() };
      }
    } catch (error) {
      void release();
      throw error;
    }
    await release();
    const moving = tryMove;
    tryMove = false;
    await exclusively(
      env,
      async () => {
        const found = await tidy(env);
        if (moving && found.due) {
          onMoving();
          await move(env, found.home);
        }
      },
      // Opening moves the logbook only if no other tab has it open (else the next lock or start
      // does); tidying what a move left waits its turn.
      moving ? { ifAvailable: true } : {},
    );
  }
}

/**
 * Moves the logbook into new storage and deletes the old, waiting up to `waitMs` for other tabs to
 * close it (each does when the logbook locks): when a move is due (`ifDue`), or always (after
 * "Delete all data", so that the old files go too). Returns whether it moved.
 */
export async function moveHome(
  { waitMs, ifDue, onMoving = () => undefined }: { waitMs: number; ifDue: boolean; onMoving?: () => void },
  env: HomeEnv = browserEnv(),
): Promise<boolean> {
  if (!env.buckets || !env.locks) return false;
  try {
    const moved = await exclusively(
      env,
      async () => {
        const found = await tidy(env);
        if (ifDue && !found.due) return false;
        onMoving();
        await move(env, found.home);
        return true;
      },
      { signal: AbortSignal.timeout(waitMs) },
    );
    return !!moved;
  } catch (error) {
    // Another tab kept the logbook open: the move waits for the next lock, or the next start.
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return false;
    throw error;
  }
}
