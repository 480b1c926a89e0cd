/**
 * The whole logbook as CSV, handed over in chunks as it is made: two workers read and write
 * alternate pages while the page puts their chunks in order. A big logbook never sits in memory
 * as one file, and the app does not freeze while it is made.
 */
import { pageCsv, readCsvPages, type CsvJob, type CsvPage, type CsvWorkerMessage } from './csv-pages';

/** Below this many pages, starting workers costs more than it saves. */
const WORKERS_FROM_PAGES = 3;
const MAX_WORKERS = 2;
const READ_FAILED = 'The export could not read your logbook. Nothing was changed; please try again.';

export interface CsvSource {
  dbName: string;
  db: IDBDatabase;
  keyRange: typeof IDBKeyRange;
  pages: CsvPage[];
  titles: [string, string][];
}

function workerCount(pages: number): number {
  if (typeof Worker !== 'function' || pages < WORKERS_FROM_PAGES) return 0;
  return Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1));
}

/** Hands every page's bytes to `emit`, in order. */
export async function writeCsvPages(source: CsvSource, emit: (bytes: Uint8Array<ArrayBuffer>) => void): Promise<void> {
  const workers = workerCount(source.pages.length);
  if (workers === 0) {
    const titles = new Map(source.titles);
    await readCsvPages(source.db, source.pages, (_index, records) => emit(pageCsv(records, titles)), source.keyRange);
    return;
  }
  const ready = new Map<number, Uint8Array<ArrayBuffer>>();
  let next = 0;
  const started: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const places = source.pages.map((_page, i) => i).filter((i) => i % workers === w);
        const job: CsvJob = { dbName: source.dbName, pages: places.map((i) => source.pages[i]!), places, titles: source.titles };
        const worker = new Worker(new URL('./csv-worker.ts', import.meta.url));
        started.push(worker);
        return new Promise<void>((resolve, reject) => {
          worker.onmessage = ({ data }: MessageEvent<CsvWorkerMessage>) => {
            if (data.type === 'error') return reject(new Error(READ_FAILED));
            if (data.type === 'done') return resolve();
            ready.set(data.place, data.bytes);
            try {
              // Emit every page that is now next in line; a page ahead of its turn waits here.
              for (let bytes = ready.get(next); bytes; bytes = ready.get(next)) {
                ready.delete(next++);
                emit(bytes);
              }
            } catch (error) {
              reject(error as Error);
            }
          };
          worker.onerror = () => reject(new Error(READ_FAILED));
          worker.postMessage(job);
        });
      }),
    );
  } finally {
    for (const worker of started) worker.terminate();
  }
}
