import { sessionDefaults } from '../../src/domain/records/restore';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupData } from '../../src/domain/exports/backup';
import { logbookCsv } from '../../src/domain/exports/csv';
import { byNewest } from '../../src/domain/logbook/filters';
import type { SessionRecord } from '../../src/domain/records/session';
import { CSV_PAGE_SIZE, planCsvPages } from '../../src/storage/csv-pages';
import { openLogbook, type Logbook } from '../../src/storage/logbook';
import { generateBackup } from '../bench/generate-logbook.mjs';

const deck = JSON.parse(readFileSync(new URL('../../content/decks/power-shifting/deck.json', import.meta.url), 'utf8')) as unknown;

let logbook: Logbook;

beforeEach(() => {
  logbook = openLogbook('csv-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});

async function written(book: Logbook): Promise<{ text: string; chunks: number }> {
  const chunks: Uint8Array[] = [];
  await book.writeCsv((bytes) => chunks.push(bytes));
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks)), chunks: chunks.length };
}

/** The file as the in-memory export makes it: every live entry sorted, then turned into rows. */
async function expected(book: Logbook): Promise<string> {
  const [items, sessions] = await Promise.all([book.entries.live(), book.sessions.all()]);
  return logbookCsv(items.sort(byNewest), new Map(sessions.map((s) => [s.id, s]))).join('');
}

const SESSION: SessionRecord = {
    ...sessionDefaults(),
  id: '01JSESSION0000000000000000',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  deleted: 0,
  kind: 'supervision',
  title: '=Supervision "with" A.B.',
  date: '2026-01-05',
  participants: [],
  series: '',
  status: 'ended',
  cards: [],
  cardNotes: [],
  notes: '',
};

/** Enough entries for several pages, with the cases a page boundary or a filter could get wrong. */
function awkwardLogbook(count: number): BackupData {
  const { data } = generateBackup(count, deck);
  const at = (i: number) => data.entries[i]!;
  at(10).deleted = 1;
  data.actions.find((a) => a.entryId === at(20).id)!.deleted = 1;
  data.actions = data.actions.filter((a) => a.entryId !== at(30).id);
  at(40).sessionId = SESSION.id;
  at(41).sessionId = 'a-session-not-on-this-device';
  at(50).reflection = 'Café ’quotes’, "double", 🙂 and\r\nnew lines';
  at(60).notes = '+SUM(A1:A2)';
  // Written in the same millisecond, on either side of a page boundary and inside a page.
  if (count > CSV_PAGE_SIZE) at(count - CSV_PAGE_SIZE).createdAt = at(count - CSV_PAGE_SIZE - 1).createdAt;
  at(71).createdAt = at(70).createdAt;
  return { ...data, sessions: [SESSION], checkins: [] };
}

describe('the streamed logbook CSV', () => {
  it('is exactly the file the in-memory export makes, over several pages', async () => {
    const count = 2 * CSV_PAGE_SIZE + 500;
    await logbook.backups.merge(awkwardLogbook(count));
    const { text, chunks } = await written(logbook);
    expect(chunks).toBe(1 + 3);
    expect(text).toBe(await expected(logbook));

    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const live = count - 1;
    // Three actions per entry, less the deleted action and the entry with none (which still has a row).
    expect(rows).toHaveLength(live * 3 - 1 - 2);
    expect(String(rows[0]?.Written) >= String(rows.at(-1)?.Written)).toBe(true);
    expect(rows.filter((r) => r.Session === "'=Supervision \"with\" A.B.")).toHaveLength(3);
    expect(rows.some((r) => r['What it looks like where we work'] === 'Café ’quotes’, "double", 🙂 and\r\nnew lines')).toBe(true);
    expect(rows.some((r) => r.Notes === "'+SUM(A1:A2)")).toBe(true);
  });

  it('follows the dates when entry ids do not (ids from elsewhere)', async () => {
    const data = awkwardLogbook(300);
    // Newer entries get smaller ids.
    data.entries.forEach((e, i) => {
      const id = `ID${String(1000 - i).padStart(6, '0')}`;
      for (const a of data.actions) if (a.entryId === e.id) a.entryId = id;
      e.id = id;
    });
    await logbook.backups.merge(data);
    const { text } = await written(logbook);
    expect(text).toBe(await expected(logbook));
    expect(text.indexOf('ID000701')).toBeLessThan(text.indexOf('ID000702'));
  });

  it('keeps entries written in the same millisecond together, however many there are', async () => {
    const data = awkwardLogbook(2 * CSV_PAGE_SIZE + 10);
    // More than a page of entries share the oldest date, so a second page would start inside them.
    const oldest = data.entries.map((e) => e.createdAt).sort()[0]!;
    for (const entry of data.entries.slice(5, 5 + CSV_PAGE_SIZE + 100)) entry.createdAt = oldest;
    await logbook.backups.merge(data);
    const { text, chunks } = await written(logbook);
    expect(chunks).toBe(1 + 2);
    expect(text).toBe(await expected(logbook));
  });

  it('is just the header for an empty logbook', async () => {
    const { text } = await written(logbook);
    expect(text).toBe(await expected(logbook));
    expect(parse(text, { bom: true })).toHaveLength(1);
  });
});

describe('planCsvPages', () => {
  it('covers every date once, newest first, open at both ends', () => {
    expect(planCsvPages(['a', 'd', 'g', 'j'])).toEqual([{ from: 'j' }, { from: 'g', before: 'j' }, { from: 'd', before: 'g' }, { before: 'd' }]);
    expect(planCsvPages(['a'])).toEqual([{}]);
    expect(planCsvPages([])).toEqual([{}]);
  });

  it('makes one page of a date where several pages would start', () => {
    expect(planCsvPages(['a', 'b', 'b', 'b', 'c'])).toEqual([{ from: 'c' }, { from: 'b', before: 'c' }, { before: 'b' }]);
    expect(planCsvPages(['a', 'a'])).toEqual([{}]);
  });
});

describe('a failure while the CSV is handed over', () => {
  it('is passed on as it is, not as a problem reading the logbook', async () => {
    await logbook.backups.merge(awkwardLogbook(2 * CSV_PAGE_SIZE + 500));
    const stopped = new Error('The download was cancelled.');
    let chunks = 0;
    const writing = logbook.writeCsv(() => {
      // The header, then the first page: the second page is refused.
      if (++chunks === 2) throw stopped;
    });
    await expect(writing).rejects.toBe(stopped);
  });
});
