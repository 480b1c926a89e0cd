/**
 * What importing records changes: each incoming record merged with the copy already held (see
 * merge.ts), and counted as added, updated or unchanged. Importing the same file twice, or two
 * files in either order, gives the same logbook.
 */
import type { BackupData } from '../exports/backup';
import type { EntryParts } from '../logbook/compose';
import { ACTION, type ActionRecord } from './action';
import { CHECKIN, type CheckinRecord } from './checkin';
import { ENTRY } from './entry';
import type { RecordKind } from './kind';
import { mergeRecords, stableJson, type Versioned } from './merge';
import { OWN_DECK, type OwnDeckRecord } from './own-deck';
import { SESSION, type SessionRecord } from './session';

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface Planned<R> {
  put: R[];
  counts: MergeCounts;
}

export function planRecords<R extends Versioned>(kind: RecordKind, incoming: readonly R[], existing: ReadonlyMap<string, R>): Planned<R> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const put: R[] = [];
  for (const record of incoming) {
    const current = existing.get(record.id);
    if (!current) {
      counts.added++;
      put.push(record);
      continue;
    }
    const merged = mergeRecords(kind, current, record);
    if (stableJson(merged) === stableJson(current)) {
      counts.unchanged++;
    } else {
      counts.updated++;
      put.push(merged);
    }
  }
  return { put, counts };
}

/** A logbook's records as an import meets them: each entry with every action it ever had. */
export interface HeldRecords {
  entries: ReadonlyMap<string, EntryParts>;
  /** Which entry holds each action id already in the logbook. */
  actionOwners: ReadonlyMap<string, string>;
  sessions: ReadonlyMap<string, SessionRecord>;
  decks: ReadonlyMap<string, OwnDeckRecord>;
  checkins: ReadonlyMap<string, CheckinRecord>;
  other: Readonly<Record<string, ReadonlyMap<string, Versioned>>>;
}

export interface ImportPlan {
  /** Entries to write, each whole with its actions. */
  entries: EntryParts[];
  sessions: SessionRecord[];
  decks: OwnDeckRecord[];
  checkins: CheckinRecord[];
  other: Record<string, Versioned[]>;
  counts: { entries: MergeCounts; actions: MergeCounts; sessions: MergeCounts; decks: MergeCounts; checkins: MergeCounts };
}

/** Record types from a newer version merge by their clocks like any other; this version knows nothing else of them. */
const OTHER: RecordKind = { noun: 'record', plural: 'records', fixed: ['id', 'createdAt', 'updatedAt', 'clock'] };

export function planImport(incoming: BackupData, held: HeldRecords): { ok: true; plan: ImportPlan } | { ok: false; message: string } {
  for (const action of incoming.actions) {
    const owner = held.actionOwners.get(action.id);
    if (owner && owner !== action.entryId) {
      return {
        ok: false,
        message: `This backup puts an action (id ${action.id}) under a different entry from the one it belongs to in your logbook, so it may be damaged or altered. Nothing was imported. Try an earlier backup.`,
      };
    }
  }
  const entries = planRecords(ENTRY, incoming.entries, new Map([...held.entries].map(([id, parts]) => [id, parts.entry])));
  const heldActions = new Map<string, ActionRecord>();
  for (const parts of held.entries.values()) for (const action of parts.actions) heldActions.set(action.id, action);
  const actions = planRecords(ACTION, incoming.actions, heldActions);
  const sessions = planRecords(SESSION, incoming.sessions, held.sessions);
  const decks = planRecords(OWN_DECK, incoming.decks ?? [], held.decks);
  const checkins = planRecords(CHECKIN, incoming.checkins, held.checkins);

  const changed = new Map<string, EntryParts>();
  const incomingEntries = new Map(incoming.entries.map((e) => [e.id, e]));
  const partsFor = (entryId: string): EntryParts => {
    let parts = changed.get(entryId);
    if (!parts) {
      const current = held.entries.get(entryId);
      // readBackup refuses actions whose entry is not in the file, so one of the two is there.
      const entry = current?.entry ?? incomingEntries.get(entryId)!;
      parts = { entry, actions: [...(current?.actions ?? [])] };
      changed.set(entryId, parts);
    }
    return parts;
  };
  for (const entry of entries.put) partsFor(entry.id).entry = entry;
  for (const action of actions.put) {
    const parts = partsFor(action.entryId);
    const at = parts.actions.findIndex((a) => a.id === action.id);
    if (at >= 0) parts.actions[at] = action;
    else parts.actions.push(action);
  }
  const other: Record<string, Versioned[]> = {};
  for (const [name, records] of Object.entries(incoming.other ?? {})) {
    const planned = planRecords(OTHER, records, held.other[name] ?? new Map());
    if (planned.put.length) other[name] = planned.put;
  }
  return {
    ok: true,
    plan: {
      entries: [...changed.values()],
      sessions: sessions.put,
      decks: decks.put,
      checkins: checkins.put,
      other,
      counts: { entries: entries.counts, actions: actions.counts, sessions: sessions.counts, decks: decks.counts, checkins: checkins.counts },
    },
  };
}
