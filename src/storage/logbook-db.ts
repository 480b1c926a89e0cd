/** The IndexedDB schema. Add a new version() for every change; never edit a released one. */
import Dexie, { type EntityTable } from 'dexie';
import type { EntryDraft } from '../domain/logbook/drafts';
import type { ActionRecord, EntryRecord } from '../domain/logbook/records';
import type { SessionRecord } from '../domain/sessions/records';

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
  entries!: EntityTable<EntryRecord, 'id'>;
  actions!: EntityTable<ActionRecord, 'id'>;
  drafts!: EntityTable<DraftRecord, 'key'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  sessions!: EntityTable<SessionRecord, 'id'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
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
  }
}
