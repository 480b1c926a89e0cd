/** The IndexedDB schema. Add a new version() for every change; never edit a released one. */
import Dexie, { type EntityTable } from 'dexie';
import { newId } from '../domain/ids';
import type { ActionRecord } from '../domain/records/action';
import type { CheckinRecord } from '../domain/records/checkin';
import { entryDefaults } from '../domain/records/restore';
import type { OwnDeckRecord } from '../domain/records/own-deck';
import type { SessionRecord } from '../domain/records/session';
import type { SpaceDoc, StoredSpace } from './spaces';
import { storedEntry, type StoredEntry } from './stored-entry';

/** Entries held in memory at once while an upgrade rewrites them all. */
const UPGRADE_BATCH = 2000;

/** What a tab typed and has not saved yet: one record per tab and thing being written. */
export interface DraftRecord {
  /** `tab|target`: each tab's draft is its own. */
  key: string;
  /** The tab that wrote it (see state/tab.ts); `earlier` for drafts from before tabs were told apart. */
  tab: string;
  /** What it is a draft of: `edit:ID`, `new:card:ID`, `new:free`, `followup:ID`… */
  target: string;
  savedAt: string;
  value: unknown;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** The lock: its wrapped keys and the progress of turning it on or off (see keyring.ts). Never encrypted. */
export interface KeyringRecord {
  id: string;
  value: unknown;
}

export const EARLIER_TAB = 'earlier';

/** What eachEntry needs of the entries table: in an upgrade it is the transaction's, untyped. */
interface EntriesTable {
  orderBy(index: string): { limit(n: number): { toArray(): Promise<StoredEntry[]> } };
  where(index: string): { above(key: string): { limit(n: number): { toArray(): Promise<StoredEntry[]> } } };
  bulkPut(items: readonly StoredEntry[]): Promise<unknown>;
}

/**
 * Goes through every entry, a batch at a time, read in bulk (a cursor took 16 s over 50,000
 * entries), and writes back those `change` returns a new record for.
 */
export async function eachEntry(entries: EntriesTable, change: (entry: StoredEntry) => StoredEntry | undefined): Promise<void> {
  let batch = await entries.orderBy(':id').limit(UPGRADE_BATCH).toArray();
  while (batch.length) {
    const changed = batch.map(change).filter((e): e is StoredEntry => !!e);
    if (changed.length) await entries.bulkPut(changed);
    batch = await entries.where(':id').above(batch[batch.length - 1]!.id).limit(UPGRADE_BATCH).toArray();
  }
}

export class LogbookDB extends Dexie {
  entries!: EntityTable<StoredEntry, 'id'>;
  drafts!: EntityTable<DraftRecord, 'key'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  sessions!: EntityTable<SessionRecord, 'id'>;
  decks!: EntityTable<OwnDeckRecord, 'id'>;
  checkins!: EntityTable<CheckinRecord, 'id'>;
  spaces!: EntityTable<StoredSpace, 'id'>;
  spaceDocs!: EntityTable<SpaceDoc, 'id'>;
  keyring!: EntityTable<KeyringRecord, 'id'>;

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
        await eachEntry(tx.table('entries'), (entry) => storedEntry(entry, entry.actions));
      });
    // Version 6: each tab's drafts kept apart; an action id used under two entries (an earlier
    // version let a backup do that) given an id of its own; actions kept aside by version 3
    // brought back as entries.
    this.version(6)
      .stores({ drafts: 'key, target' })
      .upgrade(async (tx) => {
        onUpgrading();
        const used = new Set<string>();
        // Only the entries that need it are written: the rest are only read.
        await eachEntry(tx.table('entries'), (entry) => {
          let changed = false;
          const actions = entry.actions.map((action) => {
            const id = used.has(action.id) ? newId() : action.id;
            used.add(id);
            if (id === action.id && action.entryId === entry.id) return action;
            changed = true;
            return { ...action, id, entryId: entry.id };
          });
          return changed ? storedEntry(entry, actions) : undefined;
        });
        const drafts = tx.table('drafts');
        const old = (await drafts.toArray()) as { key: string; savedAt: string; draft: unknown }[];
        await drafts.clear();
        await drafts.bulkPut(
          old.map((d): DraftRecord => ({ key: `${EARLIER_TAB}|${d.key}`, tab: EARLIER_TAB, target: d.key, savedAt: d.savedAt, value: d.draft })),
        );
        const orphans = ((await tx.table('meta').get('orphanedActions')) as MetaRecord | undefined)?.value as ActionRecord[] | undefined;
        if (orphans?.length) {
          const byEntry = new Map<string, ActionRecord[]>();
          for (const action of orphans) {
            if (used.has(action.id)) continue;
            used.add(action.id);
            byEntry.set(action.entryId, [...(byEntry.get(action.entryId) ?? []), action]);
          }
          const entries = tx.table<StoredEntry, string>('entries');
          const existing = await entries.bulkGet([...byEntry.keys()]);
          await entries.bulkPut(
            [...byEntry].map(([entryId, actions], i) => {
              const found = existing[i];
              if (found) return storedEntry(found, [...found.actions, ...actions]);
              const first = actions.map((a) => a.createdAt).sort()[0]!;
              const note = 'Recovered: an earlier version of the app kept these actions without the entry they were written in.';
              return storedEntry({ ...entryDefaults(), id: entryId, createdAt: first, updatedAt: first, deleted: 0, notes: note }, actions);
            }),
          );
          await tx.table('meta').delete('orphanedActions');
        }
      });
    // Version 7: decks made in the app.
    this.version(7).stores({ decks: 'id, updatedAt, deleted' });
    // Version 8: check-ins ("Where are we now?"), found by community, day and the session they were done in.
    this.version(8).stores({ checkins: 'id, date, community, sessionId, updatedAt, deleted' });
    // Version 9: the shared spaces this device belongs to, and each space's Yjs document as kept here.
    this.version(9).stores({ spaces: 'id', spaceDocs: 'id' });
    // Version 10: the lock's own records, kept apart because they cannot be encrypted with the key they hold.
    this.version(10).stores({ keyring: 'id' });
  }
}
