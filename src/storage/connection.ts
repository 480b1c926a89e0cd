/**
 * One open logbook database and the rules every read and write follows: raw errors become
 * plain-English problems; after a write fails because the device is full or its storage is
 * damaged, nothing more is written (writing on into a full disk is what destroys what is
 * already saved), while reading, and so exporting a backup, goes on.
 */
import { liveQuery } from 'dexie';
import { DeletedElsewhere } from '../domain/logbook/compose';
import { newDeviceId } from '../domain/records/clock';
import type { Stamp } from '../domain/records/merge';
import { LogbookDB } from './database';
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
}

export type Connection = ReturnType<typeof connect>;

export function connect(name: string, options: OpenOptions) {
  const db = new LogbookDB(
    name,
    {
      // Dexie's query cache would keep whole result sets (a big logbook's every record) in memory.
      cache: 'disabled',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    },
    options.onUpgrading,
  );
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

  async function read<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw problemOf(error);
    }
  }

  async function write<T>(work: () => Promise<T>): Promise<T> {
    if (stopped) throw stopped;
    try {
      return await work();
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

  let device: Promise<string> | undefined;
  /** This device's id, made on its first write and kept with the logbook. */
  function deviceId(): Promise<string> {
    device ??= options.device
      ? Promise.resolve(options.device)
      : write(async () => {
          const kept = (await db.meta.get('deviceId'))?.value;
          if (typeof kept === 'string') return kept;
          const made = newDeviceId();
          await db.meta.put({ key: 'deviceId', value: made });
          return made;
        });
    // A failed attempt is not remembered: the next write tries again (and meets the same problem).
    device.catch(() => (device = undefined));
    return device;
  }

  return {
    db,
    name,
    now: () => clock(),
    read,
    write,
    /** Who and when, for a write: fetched before its transaction, which must not wait on anything else. */
    stamp: async (): Promise<Stamp> => ({ device: await deviceId(), now: clock() }),
    /** The problem that stopped writing, if one has. */
    stopped: () => stopped,
    watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (p: StorageProblem) => void): Unsubscribe {
      const subscription = liveQuery(query).subscribe({
        next: onValue,
        error: (error) => onError(problemOf(error)),
      });
      return () => subscription.unsubscribe();
    },
  };
}
