/**
 * The whole logbook as CSV, handed over in chunks as it is made: a worker reads and writes the
 * pages, so a big logbook never sits in memory as one file and the app does not freeze.
 */
import { pageCsv, readCsvPages, type CsvJob, type CsvPage, type CsvWorkerMessage } from './csv-pages';

/** Below this many pages, starting a worker costs more than it saves. */
const WORKER_FROM_PAGES = 3;
const READ_FAILED = 'The export could not read your logbook. Nothing was changed; please try again.';

export interface CsvSource {
  dbName: string;
  bucket: string | null;
  db: IDBDatabase;
  keyRange: typeof IDBKeyRange;
  pages: CsvPage[];
  titles: [string, string][];
}

/**
 * Hands every page's bytes to `emit`, in order. One worker, not one per core: IndexedDB serves
 * one read at a time, and a second worker only took CPU from it (50,000 entries on two cores:
 * 3.6–3.8 s of CPU with two workers, 3.2–3.3 s with one, and the file sooner).
 */
export async function writeCsvPages(source: CsvSource, emit: (bytes: Uint8Array<ArrayBuffer>) => void): Promise<void> {
  if (typeof Worker !== 'function' || source.pages.length < WORKER_FROM_PAGES) {
    const titles = new Map(source.titles);
    await readCsvPages(source.db, source.pages, (records) => emit(pageCsv(records, titles)), source.keyRange);
    return;
  }
  const worker = new Worker(new URL('./csv-worker.ts', import.meta.url));
  try {
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<CsvWorkerMessage>) => {
        if (data.type === 'error') return reject(new Error(READ_FAILED));
        if (data.type === 'done') return resolve();
        try {
          emit(data.bytes);
        } catch (error) {
          reject(error as Error);
        }
      };
      worker.onerror = () => reject(new Error(READ_FAILED));
      const job: CsvJob = { dbName: source.dbName, bucket: source.bucket, pages: source.pages, titles: source.titles };
      worker.postMessage(job);
    });
  } finally {
    // Pages still on their way are not wanted once the export has stopped.
    worker.onmessage = null;
    worker.terminate();
  }
}
