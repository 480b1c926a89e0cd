/** Makes its share of the CSV pages off the main thread, so the app stays responsive. */
import { indexedDBOf } from './buckets';
import { pageCsv, readCsvPages, type CsvJob, type CsvWorkerMessage } from './csv-pages';

const post = (message: CsvWorkerMessage, transfer: Transferable[] = []) => postMessage(message, { transfer });

async function open(name: string, bucket: string | null): Promise<IDBDatabase> {
  const factory = await indexedDBOf(bucket);
  return new Promise((resolve, reject) => {
    // No version: the page has already opened (and upgraded) the database.
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The logbook could not be opened.'));
  });
}

onmessage = async ({ data: job }: MessageEvent<CsvJob>) => {
  try {
    const db = await open(job.dbName, job.bucket);
    // A newer version of the app wants to upgrade: let it.
    db.onversionchange = () => db.close();
    const titles = new Map(job.titles);
    await readCsvPages(db, job.pages, (records) => {
      const bytes = pageCsv(records, titles);
      post({ type: 'page', bytes }, [bytes.buffer]);
    });
    db.close();
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
