/** Makes its share of the CSV pages off the main thread, so the app stays responsive. */
import { pageCsv, readCsvPages, type CsvJob, type CsvWorkerMessage } from './csv-pages';

const post = (message: CsvWorkerMessage, transfer: Transferable[] = []) => postMessage(message, { transfer });

function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // No version: the page has already opened (and upgraded) the database.
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The logbook could not be opened.'));
  });
}

onmessage = async ({ data: job }: MessageEvent<CsvJob>) => {
  try {
    const db = await open(job.dbName);
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
