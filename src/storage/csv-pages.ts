/**
 * The logbook's CSV made page by page straight from IndexedDB. It runs in a worker as well as
 * on the page, so it uses IndexedDB itself: Dexie in the worker would double the download.
 */
import { actionCsvTail, CSV_HEAD, entryCsvCells, entryCsvRows, NO_ACTION_TAIL, sessionTitleOf } from '../domain/exports/csv';
import type { EntryWithActions } from '../domain/logbook/records';
import { itemOf, type StoredEntry } from './stored-entry';

/** Entries per page: big enough that each read is cheap per record, small enough to stream. */
export const CSV_PAGE_SIZE = 2000;

/** Entry ids from `lower` to `upper` inclusive; a missing bound is open. */
export interface CsvPage {
  lower?: string;
  upper?: string;
}

/** Page → CSV worker. */
export interface CsvJob {
  dbName: string;
  pages: CsvPage[];
  /** Each page's place in the file. */
  places: number[];
  titles: [string, string][];
}

/** CSV worker → page. */
export type CsvWorkerMessage = { type: 'page'; place: number; bytes: Uint8Array<ArrayBuffer> } | { type: 'done' } | { type: 'error'; message: string };

export const csvHead = (): Uint8Array<ArrayBuffer> => new TextEncoder().encode(CSV_HEAD);

/**
 * Pages of entry ids, newest first, given every entry id in the order the createdAt index
 * holds them. Null when that is not also id order (ids not made by this app): id ranges would
 * then not follow the dates, and the caller sorts in memory instead.
 */
export function planCsvPages(idsByCreated: readonly string[], size = CSV_PAGE_SIZE): CsvPage[] | null {
  for (let i = 1; i < idsByCreated.length; i++) if (idsByCreated[i - 1]! >= idsByCreated[i]!) return null;
  const pages: CsvPage[] = [];
  for (let end = idsByCreated.length; end > 0; end -= size) {
    const start = Math.max(0, end - size);
    // The first page is open above and the last open below, so entries written meanwhile are not lost.
    pages.push({ ...(start > 0 ? { lower: idsByCreated[start] } : {}), ...(end < idsByCreated.length ? { upper: idsByCreated[end - 1] } : {}) });
  }
  return pages.length ? pages : [{}];
}

/**
 * UTF-8 text written into one growing buffer. An entry's cells, most of each row, are encoded
 * once and copied for its other actions: encoding is the costliest part of a big export.
 */
class Utf8Writer {
  private readonly encoder = new TextEncoder();
  private bytes: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  private room(needed: number): void {
    if (this.length + needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  write(text: string): void {
    // A UTF-16 code unit never needs more than 3 bytes.
    this.room(text.length * 3);
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** Writes again the bytes from `start` for `count`. */
  repeat(start: number, count: number): void {
    this.room(count);
    this.bytes.copyWithin(this.length, start, start + count);
    this.length += count;
  }

  done(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }
}

/** Bytes per entry to start with: about what an entry with three actions takes. */
const ENTRY_BYTES = 2500;

/** One page of stored entries (in id order) as CSV rows, newest first. */
export function pageCsv(records: readonly StoredEntry[], titles: ReadonlyMap<string, string>): Uint8Array<ArrayBuffer> {
  const out = new Utf8Writer(records.length * ENTRY_BYTES);
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i]!;
    if (record.deleted !== 0) continue;
    const { entry, actions } = itemOf(record);
    const start = out.length;
    out.write(entryCsvCells(entry, sessionTitleOf(entry.sessionId, titles)));
    const cells = out.length - start;
    if (actions.length === 0) out.write(NO_ACTION_TAIL);
    actions.forEach((action, n) => {
      if (n > 0) out.repeat(start, cells);
      out.write(actionCsvTail(action));
    });
  }
  return out.done();
}

/** Entries already read and sorted, as CSV rows in the same chunks as pages. */
export function itemsCsv(items: readonly EntryWithActions[], titles: ReadonlyMap<string, string>, size = CSV_PAGE_SIZE): Uint8Array<ArrayBuffer>[] {
  const encoder = new TextEncoder();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(encoder.encode(items.slice(i, i + size).map((item) => entryCsvRows(item, sessionTitleOf(item.entry.sessionId, titles))).join('')));
  }
  return chunks;
}

function rangeOf(page: CsvPage, keyRange: typeof IDBKeyRange): IDBKeyRange | null {
  if (page.lower !== undefined && page.upper !== undefined) return keyRange.bound(page.lower, page.upper);
  if (page.lower !== undefined) return keyRange.lowerBound(page.lower);
  if (page.upper !== undefined) return keyRange.upperBound(page.upper);
  return null;
}

/** Pages read ahead of the one being turned into text: reading and writing overlap. */
const READ_AHEAD = 2;

/**
 * Reads the pages in one read-only transaction and hands each one over in order. The next read
 * is asked for before a page is handed over, so the transaction stays open and busy.
 */
export function readCsvPages(
  db: IDBDatabase,
  pages: readonly CsvPage[],
  onPage: (index: number, records: StoredEntry[]) => void,
  keyRange: typeof IDBKeyRange = IDBKeyRange,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('entries', 'readonly');
    const store = tx.objectStore('entries');
    let asked = 0;
    const ask = () => {
      const index = asked++;
      const request = store.getAll(rangeOf(pages[index]!, keyRange));
      request.onsuccess = () => {
        if (asked < pages.length) ask();
        onPage(index, request.result as StoredEntry[]);
      };
    };
    for (let i = 0; i < Math.min(READ_AHEAD, pages.length); i++) ask();
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('The logbook could not be read.'));
  });
}
