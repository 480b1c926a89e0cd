/**
 * The logbook's storage: the only door to IndexedDB, one store per concern. The database name
 * is a parameter so that a guest logbook, a test database or an encrypted one can sit behind
 * the same calls without the UI knowing.
 */
import { logbookCsv } from '../domain/exports/csv';
import { emitUtf8 } from '../domain/exports/utf8-chunks';
import { byNewest } from '../domain/logbook/filters';
import { restoreSession } from '../domain/records/restore';
import { backupsStore } from './backups';
import { checkinsStore } from './checkins';
import { connect, type OpenOptions, type Unsubscribe } from './connection';
import { writeCsvPages } from './csv-export';
import { csvHead, planCsvPages, readCsvStarts } from './csv-pages';
import { draftsStore } from './drafts';
import { entriesStore } from './entries';
import { LOGBOOK_DATABASE } from './home';
import { keyringStore } from './keyring';
import { LOCK_KEY } from './lock-state';
import { metaStore } from './meta';
import { ownDecksStore } from './own-decks';
import { sessionsStore } from './sessions';
import { spacesStore } from './spaces';
import { toStorageProblem } from './storage-problem';

export type { OpenOptions, Unsubscribe };
export type { DeletedEntry } from './entries';
export type { DraftRecord } from './drafts';
export type { ImportResult } from './backups';
export type { LogbookRecords, SpaceState, StoredSpace } from './spaces';

export type Logbook = ReturnType<typeof openLogbook>;

export function openLogbook(name = LOGBOOK_DATABASE, options: OpenOptions = {}) {
  const conn = connect(name, options);
  const { db } = conn;

  const entries = entriesStore(conn);

  return {
    name,
    entries,
    sessions: sessionsStore(conn),
    decks: ownDecksStore(conn),
    checkins: checkinsStore(conn),
    drafts: draftsStore(conn),
    meta: metaStore(conn),
    backups: backupsStore(conn),
    spaces: spacesStore(conn),
    keyring: keyringStore(conn),

    /** Opens the database now, so a problem shows before the user has typed anything. */
    open: () => conn.read(async () => void (await db.open())),

    close: conn.close,

    /** Reads the lock's state again, after another tab set or removed it. */
    relock: conn.relock,

    /** The problem that stopped writing (a full device), if one has. */
    stopped: conn.stopped,

    /**
     * The live logbook as CSV, newest first, handed to `emit` in chunks as it is made (see
     * csv-export.ts). Reading the plan is guarded; a failure of `emit` itself is passed on as it is.
     */
    writeCsv: async (emit: (bytes: Uint8Array<ArrayBuffer>) => void): Promise<void> => {
      // The worker reads IndexedDB itself and cannot open encrypted records: under a lock the
      // rows are made here, from records the connection has opened.
      if (await conn.read(() => db.keyring.get(LOCK_KEY))) {
        const [items, sessions] = await Promise.all([entries.live(), conn.read(() => db.sessions.toArray())]);
        for (const chunk of logbookCsv(items.sort(byNewest), new Map(sessions.map((s) => [s.id, restoreSession(s)])))) emitUtf8(chunk, emit);
        return;
      }
      const titles = await conn.read(async () => (await db.sessions.toArray()).map((s): [string, string] => [s.id, s.title]));
      const asProblem = (error: unknown) => {
        throw error instanceof DOMException ? toStorageProblem(error) : error;
      };
      const idb = db.backendDB();
      const pages = planCsvPages(await readCsvStarts(idb).catch(asProblem));
      emit(csvHead());
      const source = { dbName: name, bucket: conn.place(), db: idb, keyRange: options.IDBKeyRange ?? IDBKeyRange, pages, titles };
      await writeCsvPages(source, emit).catch(asProblem);
    },

    /** For tests and the benchmark: removes the database entirely. */
    destroy: () => conn.read(() => db.delete()),
  };
}
