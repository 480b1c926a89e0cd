/**
 * One open logbook database and the rules every read and write follows: raw errors become
 * plain-English problems; after a write fails because the device is full or its storage is
 * damaged, nothing more is written (writing on into a full disk is what destroys what is
 * already saved), while reading, and so exporting a backup, goes on.
 */
import { liveQuery } from 'dexie';
import { newId } from '../domain/ids';
import { DeletedElsewhere } from '../domain/logbook/compose';
import { newDeviceId } from '../domain/records/clock';
import type { Stamp } from '../domain/records/merge';
import { LogbookDB } from './database';
import type { Home } from './home';
import { LOCK_KEY, sealsWrites } from './lock-state';
import { needsOf, Sealer, type Needs } from './sealing';
import { StorageProblem, toStorageProblem } from './storage-problem';

export type Unsubscribe = () => void;

export interface OpenOptions {
  /** Told about problems that arrive outside any call: another tab blocking or replacing the database, a full device. */
  onProblem?: (problem: StorageProblem) => void;
  /** For tests: a fake IndexedDB. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For tests: a fixed clock. */
  now?: () => Date;
  /** For tests: this device's id (otherwise made once and kept in the database). */
  device?: string;
  /** Told when opening rewrites the stored records for this version of the app. */
  onUpgrading?: () => void;
  /** Finds where the logbook is, before the first read or write, and holds it there until `close` (the device's own logbook: home.ts). */
  home?: () => Promise<Home>;
}

export type Connection = ReturnType<typeof connect>;

/**
 * Runs of one operation while a lock is set: each run may find crypto to do (see sealing.ts).
 * A write's runs are a probe, then the real one; reads of several tables may need a run per table.
 */
const MAX_RUNS = 8;

/** One write under a lock: its runs see the same time and ids, so what the probe sealed is what the real run writes. */
interface WriteOp {
  now: Date;
  ids: string[];
  next: number;
}

/**
 * An IndexedDB factory whose storage is known only once `home` has been found: every operation
 * finds it before Dexie opens the database (see `located`).
 */
function factoryOnceFound(found: () => IDBFactory | undefined): IDBFactory {
  const target = () => {
    const factory = found();
    if (!factory) throw new Error('The logbook was used before it was found.');
    return factory;
  };
  return {
    open: (name, version) => target().open(name, version),
    deleteDatabase: (name) => target().deleteDatabase(name),
    databases: () => target().databases(),
    cmp: (a, b) => target().cmp(a, b),
  };
}

export function connect(name: string, options: OpenOptions) {
  let home: Home | undefined;
  let closed = false;
  const factory = options.home ? factoryOnceFound(() => home?.indexedDB) : options.indexedDB;
  const db = new LogbookDB(
    name,
    {
      // Dexie's query cache would keep whole result sets (a big logbook's every record) in memory.
      cache: 'disabled',
      ...(factory ? { indexedDB: factory } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    },
    options.onUpgrading,
  );
  const sealer = new Sealer();
  db.use(sealer.middleware);
  const clock = options.now ?? (() => new Date());
  /** Set by the first write that failed for want of space (or a damaged disk): later writes are refused at once. */
  let stopped: StorageProblem | null = null;
  let closedByNewerVersion = false;

  /** Set when the browser closed the logbook itself (its files could not be written). */
  let closedByBrowser = false;
  const onBrowserClose = () => {
    // Opening it again while the device is full is what Chromium has been seen to answer by
    // deleting the logbook as damaged: this session stays away, and a restart opens it afresh.
    closedByBrowser = true;
    db.close({ disableAutoOpen: true });
    const problem = new StorageProblem('full');
    stopped ??= problem;
    options.onProblem?.(problem);
  };
  // The connection's own close event comes only when the browser closed it, never for db.close().
  db.on('ready', () => db.backendDB().addEventListener('close', onBrowserClose), true);
  db.on('blocked', () => options.onProblem?.(new StorageProblem('blocked')));
  db.on('versionchange', () => {
    // A newer app in another tab wants to upgrade: step aside rather than block it.
    closedByNewerVersion = true;
    db.close();
    options.onProblem?.(new StorageProblem('version'));
    return false;
  });

  function problemOf(error: unknown): StorageProblem {
    if (closedByNewerVersion) return new StorageProblem('version');
    if (closedByBrowser) return new StorageProblem('full');
    return toStorageProblem(error);
  }

  let found: Promise<void> | undefined;
  /** Where the logbook is, found once (and held there) before anything opens it. */
  function located(): Promise<void> {
    if (!options.home) return Promise.resolve();
    found ??= options.home().then((held) => {
      if (closed) held.release();
      else home = held;
    });
    found.catch(() => (found = undefined));
    return found;
  }

  let lockKnown: Promise<void> | undefined;
  /** Whether writes are encrypted, read from the keyring before the first operation. */
  function lockState(): Promise<void> {
    lockKnown ??= located()
      .then(() => db.keyring.get(LOCK_KEY))
      .then((record) => void (sealer.sealWrites = sealsWrites(record?.value)));
    lockKnown.catch(() => (lockKnown = undefined));
    return lockKnown;
  }

  /** Runs `work`, doing outside its transactions the crypto it finds missing, and running it again. */
  async function prepared<T>(work: () => Promise<T>): Promise<T> {
    for (let run = 1; ; run++) {
      try {
        return await work();
      } catch (error) {
        const needs = needsOf(error);
        if (!needs || run >= MAX_RUNS) throw error;
        await sealer.prepare(needs);
      }
    }
  }

  let op: WriteOp | null = null;
  /** Writes under a lock, one at a time: a write's probe and real run must not see another's. */
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` after the writes queued before it: the lock's own records are written this way while a lock is set. */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  function sealedWrite<T>(work: () => Promise<T>): Promise<T> {
    return serially(async () => {
      op = { now: clock(), ids: [], next: 0 };
      try {
        await prepared(() => sealer.probing(work));
        op.next = 0;
        return await prepared(work);
      } finally {
        op = null;
        sealer.settle();
      }
    });
  }

  async function read<T>(work: () => Promise<T>): Promise<T> {
    try {
      await lockState();
      return await prepared(work);
    } catch (error) {
      throw problemOf(error);
    }
  }

  /** `ownDevice`: false only for the write that stores the device id, which every other write waits for. */
  async function guardedWrite<T>(work: () => Promise<T>, ownDevice: boolean): Promise<T> {
    if (stopped) throw stopped;
    try {
      // Read again for every write: another tab may have set the lock, or begun turning it off,
      // since; a write must not be plain behind a rewrite that is sealing, nor sealed behind one opening.
      lockKnown = undefined;
      await lockState();
      if (!sealer.sealWrites) return await prepared(work);
      if (ownDevice) await deviceId();
      return await sealedWrite(work);
    } catch (error) {
      // Not a storage problem: the person's choice is needed (see entries.save).
      if (error instanceof DeletedElsewhere) throw error;
      const problem = problemOf(error);
      if (problem.kind === 'full' && !stopped) {
        stopped = problem;
        options.onProblem?.(problem);
      }
      throw problem;
    }
  }

  const write = <T>(work: () => Promise<T>) => guardedWrite(work, true);

  let device: Promise<string> | undefined;
  /** This device's id, made on its first write and kept with the logbook. */
  function deviceId(): Promise<string> {
    // Made before the write: each run of a write under a lock must write the same value.
    const made = newDeviceId();
    device ??= options.device
      ? Promise.resolve(options.device)
      : guardedWrite(async () => {
          const kept = (await db.meta.get('deviceId'))?.value;
          if (typeof kept === 'string') return kept;
          await db.meta.put({ key: 'deviceId', value: made });
          return made;
        }, false);
    // A failed attempt is not remembered: the next write tries again (and meets the same problem).
    device.catch(() => (device = undefined));
    return device;
  }

  /** The time for a write; under a lock, the same in each of its runs. */
  const now = () => op?.now ?? clock();

  return {
    db,
    name,
    sealer,
    now,
    read,
    write,
    serially,
    /** Who and when, for a write: fetched before its transaction, which must not wait on anything else. */
    stamp: async (): Promise<Stamp> => ({ device: await deviceId(), now: now() }),
    /** A new record id; under a lock, the same in each run of one write. */
    newId: (): string => {
      if (!op) return newId();
      const id = op.ids[op.next] ?? newId();
      op.ids[op.next++] = id;
      return id;
    },
    /** Reads the lock's state again, after this tab or another changed it. */
    relock: () => {
      lockKnown = undefined;
      return lockState();
    },
    /** The problem that stopped writing, if one has. */
    stopped: () => stopped,
    /** The bucket the logbook is in (home.ts), or null for the origin's shared store. */
    place: () => home?.place ?? null,
    /** Closes the logbook, and lets other tabs move it. */
    close: () => {
      closed = true;
      db.close();
      home?.release();
    },
    /**
     * A live query. Under a lock, a run that needs records opened hands back what it needs, the
     * crypto is done outside the query, and the query starts again (the querier itself awaits
     * nothing but Dexie, so the live query still sees every table it reads).
     */
    watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (p: StorageProblem) => void): Unsubscribe {
      let closed = false;
      let subscription: { unsubscribe(): void } | undefined;
      // A query still running when the logbook was closed on purpose (it locked) is not a problem to show.
      const fail = (error: unknown) => closed || onError(problemOf(error));
      const start = () => {
        subscription = liveQuery(async (): Promise<{ value: T } | { needs: Needs }> => {
          try {
            return { value: await query() };
          } catch (error) {
            const needs = needsOf(error);
            if (needs) return { needs };
            throw error;
          }
        }).subscribe({
          next: (result) => {
            if ('value' in result) return onValue(result.value);
            subscription?.unsubscribe();
            sealer.prepare(result.needs).then(() => closed || start(), fail);
          },
          error: fail,
        });
      };
      lockState().then(() => closed || start(), fail);
      return () => {
        closed = true;
        subscription?.unsubscribe();
      };
    },
  };
}
