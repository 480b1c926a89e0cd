/** The IndexedDB schema. Add a new version() for every change; never edit a released one. */
import Dexie, { type EntityTable } from 'dexie';
import type { EntryDraft } from '../domain/logbook/drafts';
import type { ActionRecord } from '../domain/logbook/records';
import type { SessionRecord } from '../domain/sessions/records';
import { openActionKeys, type StoredEntry } from './stored-entry';

/** Entries held in memory at once while an upgrade rewrites them all. */
const UPGRADE_BATCH = 2000;

export interface DraftRecord {
  key: string;
  savedAt: string;
  draft: EntryDraft;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export class LogbookDB extends Dexie {
  entries!: EntityTable<StoredEntry, 'id'>;
  drafts!: EntityTable<DraftRecord, 'key'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  sessions!: EntityTable<SessionRecord, 'id'>;

  /** `onUpgrading` is told when stored records are being rewritten: seconds for a big logbook. */
  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1], onUpgrading: () => void = () => undefined) {
    super(name, options);
    // Version 1: the first released schema (a fixture of it lives in tests/fixtures/db-v1.ts).
    this.version(1).stores({
      entries: 'id, createdAt, updatedAt, deleted',
      actions: 'id, entryId, updatedAt, deleted, due',
      drafts: 'key',
      meta: 'key',
    });
    // Version 2: sessions, and entries findable by the session they were written in.
    this.version(2).stores({
      entries: 'id, createdAt, updatedAt, deleted, sessionId',
      sessions: 'id, date, series, updatedAt, deleted',
    });
    // Version 3: each entry holds its actions (a quarter of the writes on a big import), and no search text.
    // Actions whose entry is missing cannot be shown; they are kept in meta rather than lost.
    this.version(3).stores({}).upgrade(async (tx) => {
      onUpgrading();
      const byEntry = new Map<string, ActionRecord[]>();
      for (const action of (await tx.table('actions').toArray()) as ActionRecord[]) {
        const list = byEntry.get(action.entryId);
        if (list) list.push(action);
        else byEntry.set(action.entryId, [action]);
      }
      await tx.table('entries').toCollection().modify((entry: StoredEntry & { searchText?: string }) => {
        entry.actions = byEntry.get(entry.id) ?? [];
        // Search text is now made when the search index is built, not stored twice over.
        delete entry.searchText;
        byEntry.delete(entry.id);
      });
      const orphans = [...byEntry.values()].flat();
      if (orphans.length) await tx.table('meta').put({ key: 'orphanedActions', value: orphans });
    });
    // Version 4: the separate actions store goes, once version 3 has moved its records.
    this.version(4).stores({ actions: null });
    // Version 5: entries indexed by their open actions, so the Actions view reads one page, not the whole logbook.
    this.version(5)
      .stores({ entries: 'id, createdAt, updatedAt, deleted, sessionId, *openActions' })
      .upgrade(async (tx) => {
        onUpgrading();
        // Read and written in bulk, a batch at a time: a cursor took 16 s over 50,000 entries.
        const entries = tx.table<StoredEntry, string>('entries');
        let batch = await entries.orderBy(':id').limit(UPGRADE_BATCH).toArray();
        while (batch.length) {
          await entries.bulkPut(batch.map((entry) => ({ ...entry, openActions: openActionKeys(entry, entry.actions) })));
          batch = await entries.where(':id').above(batch[batch.length - 1]!.id).limit(UPGRADE_BATCH).toArray();
        }
      });
  }
}
