/**
 * What goes between the logbook and a space's vault, decided without either at hand: which
 * records to put in (only those that would add something to what the vault holds), and how
 * what arrived becomes one merge into the logbook (an action waits until its entry is there).
 * Every registered kind is carried (domain/records/registry.ts); entries and actions are the
 * only kinds named here, because the logbook keeps each entry with its actions.
 */
import { backupDataOf, type BackupData } from '../exports/backup';
import { ACTION, type ActionRecord } from '../records/action';
import { ENTRY, type EntryRecord } from '../records/entry';
import type { RecordKind, StoredKind } from '../records/kind';
import { mergeRecords, stableJson, type Versioned } from '../records/merge';
import { recordKinds } from '../records/registry';
import type { SessionRecord } from '../records/session';
import { belongsIn, spaceSessions, type SpaceScope } from './space-scope';

export const recordKey = (kind: RecordKind, id: string) => `${kind.noun}:${id}`;

export function kindOfKey(key: string): StoredKind | undefined {
  return recordKinds().find((kind) => key.startsWith(`${kind.noun}:`));
}

/** Every record the vault holds, each merged across devices, by recordKey. */
export type Held = Map<string, Versioned>;

export interface LogbookSlice {
  /** Each entry with every action it ever had. */
  entries: readonly { entry: EntryRecord; actions: readonly ActionRecord[] }[];
  /** Every other kind's records, by its list (sessions, checkins, decks…). */
  lists: Readonly<Record<string, readonly Versioned[]>>;
}

/** Whether putting `local` into the vault would change what it holds. */
export function adds(kind: RecordKind, held: Versioned | undefined, local: Versioned): boolean {
  return !held || stableJson(mergeRecords(kind, held, local)) !== stableJson(held);
}

export interface Outgoing {
  /** Records to put, by kind. */
  put: Map<StoredKind, Versioned[]>;
  /** Ids of records the space holds that no longer belong in it (made private, moved elsewhere): to withdraw. */
  withdraw: Map<StoredKind, string[]>;
}

/**
 * The records of `slice` in the space's scope that add something to the vault, and those it
 * holds that have left its scope; `held` is updated as if they had been put or withdrawn.
 * `allSessions` tells a space which sessions it holds.
 */
export function outgoing(scope: SpaceScope, slice: LogbookSlice, held: Held, allSessions: readonly SessionRecord[]): Outgoing {
  const context = { sessions: spaceSessions(scope, allSessions) };
  const put = new Map<StoredKind, Versioned[]>(recordKinds().map((kind) => [kind, []]));
  const withdraw = new Map<StoredKind, string[]>(recordKinds().map((kind) => [kind, []]));
  const offer = (kind: StoredKind, record: Versioned, entry?: EntryRecord) => {
    const key = recordKey(kind, record.id);
    const before = held.get(key);
    if (!belongsIn(scope, kind, record, entry ? { ...context, entry } : context)) {
      if (!before) return;
      held.delete(key);
      withdraw.get(kind)!.push(record.id);
      return;
    }
    if (!adds(kind, before, record)) return;
    held.set(key, before ? mergeRecords(kind, before, record) : record);
    put.get(kind)!.push(record);
  };
  for (const kind of recordKinds()) {
    if (kind === ACTION) continue;
    if (kind !== ENTRY) {
      for (const record of slice.lists[kind.list] ?? []) offer(kind, record);
      continue;
    }
    for (const { entry, actions } of slice.entries) {
      offer(ENTRY, entry);
      for (const action of actions) offer(ACTION, action, entry);
    }
  }
  for (const map of [put, withdraw]) for (const [kind, list] of map) if (!list.length) map.delete(kind);
  return { put, withdraw };
}

export interface Arrival {
  kind: StoredKind;
  record: Versioned;
}

/**
 * What arrived, as one import into the logbook. An action whose entry is neither in the logbook
 * (`localEntries`), nor among the arrivals, nor in the vault (`held`) waits for it.
 */
export function incoming(arrivals: readonly Arrival[], localEntries: ReadonlySet<string>, held: Held): { data: BackupData; waiting: Arrival[] } {
  const entries = new Map<string, EntryRecord>();
  const actions: ActionRecord[] = [];
  const lists: Record<string, Versioned[]> = {};
  const waiting: Arrival[] = [];
  for (const { kind, record } of arrivals) {
    if (kind === ENTRY) entries.set(record.id, record as EntryRecord);
    else if (kind !== ACTION) (lists[kind.list] ??= []).push(record);
  }
  for (const arrival of arrivals) {
    if (arrival.kind !== ACTION) continue;
    const action = arrival.record as ActionRecord;
    if (!entries.has(action.entryId) && !localEntries.has(action.entryId)) {
      const entry = held.get(recordKey(ENTRY, action.entryId)) as EntryRecord | undefined;
      if (!entry) {
        waiting.push(arrival);
        continue;
      }
      entries.set(entry.id, entry);
    }
    actions.push(action);
  }
  return { data: backupDataOf({ ...lists, [ENTRY.list]: [...entries.values()], [ACTION.list]: actions }), waiting };
}

/** The entries the actions among the arrivals belong to, for asking the logbook which it holds. */
export function entriesOfActions(arrivals: readonly Arrival[]): string[] {
  return [...new Set(arrivals.filter((a) => a.kind === ACTION).map((a) => (a.record as ActionRecord).entryId))];
}
