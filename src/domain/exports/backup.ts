/**
 * Backups: the whole logbook in a versioned envelope, and the strict reading of one. A file is
 * validated completely before anything is written, with the same record schemas the app stores
 * (src/domain/records); then each record is normalised as storage reads are. Fields and record
 * types this version does not know are kept, so a newer version's backup survives a restore and
 * a new backup made here.
 */
import * as v from 'valibot';
import { ActionSchema, type ActionRecord } from '../records/action';
import { CheckinSchema, type CheckinRecord } from '../records/checkin';
import { EntrySchema, type EntryRecord } from '../records/entry';
import { Short, Time } from '../records/fields';
import type { Versioned } from '../records/merge';
import { OwnDeckSchema, type OwnDeckRecord } from '../records/own-deck';
import { restoreAction, restoreCheckin, restoreEntry, restoreOwnDeck, restoreSession } from '../records/restore';
import { SessionSchema, type SessionRecord } from '../records/session';

export const BACKUP_FORMAT = 'power-shifting-backup';
export const BACKUP_VERSION = 1;
/** A backup of 50,000 entries is about 130 MB; a file far beyond that is not one of ours. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

export interface BackupData {
  entries: EntryRecord[];
  actions: ActionRecord[];
  sessions: SessionRecord[];
  /** Decks made in the app; left out of a backup that has none, so older backups read the same. */
  decks?: OwnDeckRecord[];
  checkins: CheckinRecord[];
  /** Record types from a newer version, by name: kept and written back, never shown. */
  other?: Record<string, Versioned[]>;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  app: { name: string; version: string };
  data: BackupData;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Records by their kind's list (see StoredKind.list) as a backup holds them: the lists this
 * version knows in their places, any other under `other`.
 */
export function backupDataOf(lists: Readonly<Record<string, readonly Versioned[]>>): BackupData {
  const known: Record<string, Versioned[]> = {};
  const other: Record<string, Versioned[]> = {};
  for (const [name, records] of Object.entries(lists)) if (records.length) (KNOWN_TABLES.includes(name) ? known : other)[name] = [...records];
  return {
    entries: [],
    actions: [],
    sessions: [],
    checkins: [],
    ...(known as Partial<BackupData>),
    ...(Object.keys(other).length ? { other } : {}),
  };
}

export function makeBackup(data: BackupData, now: Date, appVersion: string): Backup {
  const other = Object.fromEntries(Object.entries(data.other ?? {}).map(([name, records]) => [name, [...records].sort(byId)]));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    app: { name: 'Power Shifting', version: appVersion },
    data: {
      ...other,
      entries: [...data.entries].sort(byId),
      actions: [...data.actions].sort(byId),
      sessions: [...data.sessions].sort(byId),
      ...(data.decks?.length ? { decks: [...data.decks].sort(byId) } : {}),
      checkins: [...data.checkins].sort(byId),
    },
  };
}

/** A copy with every object's keys in order. JSON.stringify is twice as fast without a replacer. */
function keysInOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysInOrder);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = keysInOrder((value as Record<string, unknown>)[key]);
    // Assigning "__proto__" would set the prototype instead of adding a key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: inner, enumerable: true, writable: true, configurable: true });
    else copy[key] = inner;
  }
  return copy;
}

/** Keys in a fixed order, so the same data always gives the same file. */
export function backupJson(backup: Backup): string {
  return JSON.stringify(keysInOrder(backup), null, 2) + '\n';
}

// ---- Reading a backup ---------------------------------------------------------------------

const KNOWN_TABLES = ['entries', 'actions', 'sessions', 'decks', 'checkins'];
const OtherRecord = v.looseObject({ id: v.pipe(v.string(), v.regex(/^[0-9A-Za-z_-]{1,64}$/)), createdAt: Time, updatedAt: Time });

const EnvelopeSchema = v.object(
  {
    format: v.literal(BACKUP_FORMAT),
    version: v.number('must be a number'),
    exportedAt: Time,
    app: v.object({ name: Short, version: Short }, 'must name the app that made it'),
    data: v.looseObject(
      {
        entries: v.array(v.looseObject(EntrySchema.entries, 'must be an entry'), 'must be a list'),
        actions: v.array(v.looseObject(ActionSchema.entries, 'must be an action'), 'must be a list'),
        sessions: v.optional(v.array(v.looseObject(SessionSchema.entries, 'must be a session'), 'must be a list'), []),
        decks: v.optional(v.array(v.looseObject(OwnDeckSchema.entries, 'must be a deck'), 'must be a list'), []),
        checkins: v.optional(v.array(v.looseObject(CheckinSchema.entries, 'must be a check-in'), 'must be a list'), []),
      },
      'must hold the logbook',
    ),
  },
  'must be a backup',
);

export type ReadResult = { ok: true; backup: Backup } | { ok: false; message: string };

/**
 * Fields no record may bring in from a file, although other unknown fields are kept: what
 * storage keeps beside an entry (its indexes and actions), and the search text early versions
 * stored. (Valibot already drops __proto__, prototype and constructor.)
 */
const RESERVED = ['searchText', 'openActions', 'actionIds', 'actions'];

function withoutReserved<T extends object>(record: T): T {
  if (!RESERVED.some((key) => key in record)) return record;
  const copy = { ...record } as Record<string, unknown>;
  for (const key of RESERVED) delete copy[key];
  return copy as T;
}

const NOTHING = 'Nothing was imported.';
const NOT_OURS = `This file is not a Power Shifting backup, so nothing was imported. Choose a file whose name starts with “power-shifting-backup”.`;
const DAMAGED = 'This backup is damaged, so nothing was imported:';
const TRY_ANOTHER = 'Try an earlier backup, or the same backup saved again from the device that made it.';

export function readBackup(text: string): ReadResult {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, message: tooBig() };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return {
      ok: false,
      message: `This file could not be read as a backup: it is not valid JSON. It may have been cut short, or be a different kind of file. ${NOTHING}`,
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: NOT_OURS };
  const envelope = json as Record<string, unknown>;
  if (envelope.format !== BACKUP_FORMAT) return { ok: false, message: NOT_OURS };
  if (typeof envelope.version === 'number' && envelope.version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was made by a newer version of Power Shifting (backup format ${envelope.version}). Update the app by reloading it while online, then try again. ${NOTHING}`,
    };
  }
  if (envelope.version !== BACKUP_VERSION) return { ok: false, message: NOT_OURS };
  const parsed = v.safeParse(EnvelopeSchema, json, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return { ok: false, message: `${DAMAGED} ${issue ? describeIssue(issue) : 'it is not as expected'}. ${TRY_ANOTHER}` };
  }
  const { entries, actions, sessions, decks, checkins, ...rest } = parsed.output.data;
  const other: Record<string, Versioned[]> = {};
  for (const [name, records] of Object.entries(rest)) {
    if (KNOWN_TABLES.includes(name)) continue;
    const list = v.safeParse(v.array(OtherRecord), records);
    // A list of records from a newer version is kept; anything else there is not ours to keep.
    if (list.success) other[name] = list.output.map((r) => ({ ...r, deleted: r.deleted === 1 || r.deleted === true ? 1 : 0 }) as Versioned);
  }
  const data: BackupData = {
    entries: (entries as EntryRecord[]).map((e) => restoreEntry(withoutReserved(e))),
    actions: (actions as ActionRecord[]).map((a) => restoreAction(withoutReserved(a))),
    sessions: (sessions as SessionRecord[]).map((s) => restoreSession(withoutReserved(s))),
    ...(decks.length ? { decks: (decks as OwnDeckRecord[]).map((d) => restoreOwnDeck(withoutReserved(d))) } : {}),
    checkins: (checkins as CheckinRecord[]).map((c) => restoreCheckin(withoutReserved(c))),
    ...(Object.keys(other).length ? { other } : {}),
  };
  const problem = problemOf(data);
  if (problem) return { ok: false, message: problem };
  return {
    ok: true,
    backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: parsed.output.exportedAt, app: parsed.output.app, data },
  };
}

/**
 * What makes a logbook's records unusable as a whole, whatever each looks like: the same id
 * twice, or an action without its entry. Checked when a backup is read, and before one is
 * written, so the app never writes a backup it would refuse.
 */
export function problemOf(data: BackupData): string | undefined {
  const duplicate =
    firstDuplicate(data.entries, 'entry') ??
    firstDuplicate(data.actions, 'action') ??
    firstDuplicate(data.sessions, 'session') ??
    firstDuplicate(data.decks ?? [], 'deck') ??
    firstDuplicate(data.checkins, 'check-in');
  if (duplicate) return duplicate;
  const entryIds = new Set(data.entries.map((e) => e.id));
  const orphan = data.actions.findIndex((a) => !entryIds.has(a.entryId));
  if (orphan >= 0) return `${DAMAGED} action ${orphan + 1} belongs to an entry that is not in the file. ${TRY_ANOTHER}`;
  return undefined;
}

export function tooBig(): string {
  return `This file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, more than any Power Shifting backup should be, so it was not imported. Check you chose the right file.`;
}

const NOUNS: Record<string, string> = { entries: 'entry', actions: 'action', sessions: 'session', decks: 'deck', checkins: 'check-in' };

/** Valibot's own wording ("Invalid type: Expected Array but received 5") in plain English. */
const EXPECTED: Record<string, string> = {
  Array: 'must be a list',
  Object: 'must be a group of fields',
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be yes or no',
};

function plain(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is missing';
  if (!issue.message.startsWith('Invalid')) return issue.message;
  return EXPECTED[issue.expected ?? ''] ?? 'is not in the form a backup needs';
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((p) => p.key);
  const table = keys[1];
  const index = keys[2];
  if (keys[0] === 'data' && typeof table === 'string' && typeof index === 'number') {
    const field = keys.slice(3).join('.');
    return `${NOUNS[table] ?? table} ${index + 1}${field ? `, field “${field}”,` : ''} ${plain(issue)}`;
  }
  return `${keys.length ? `the field “${keys.join('.')}”` : 'the file'} ${plain(issue)}`;
}

function firstDuplicate(records: readonly { id: string }[], noun: string): string | undefined {
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) return `This backup lists the same ${noun} twice (id ${record.id}), so it may be damaged. ${NOTHING} ${TRY_ANOTHER}`;
    seen.add(record.id);
  }
  return undefined;
}

export interface BackupSummary {
  exportedAt: string;
  entries: number;
  actions: number;
  sessions: number;
  decks: number;
  /** Cards of one's own added to published decks. */
  ownCards: number;
  checkins: number;
  /** Dates of the first and last entry written, if any. */
  from?: string;
  to?: string;
}

export function summarise(backup: Backup): BackupSummary {
  const live = backup.data.entries.filter((e) => e.deleted === 0);
  const dates = live.map((e) => e.createdAt).sort();
  return {
    exportedAt: backup.exportedAt,
    entries: live.length,
    actions: backup.data.actions.filter((a) => a.deleted === 0).length,
    sessions: backup.data.sessions.filter((s) => s.deleted === 0).length,
    decks: (backup.data.decks ?? []).filter((d) => d.deleted === 0 && d.addsTo === undefined).length,
    ownCards: (backup.data.decks ?? []).filter((d) => d.deleted === 0 && d.addsTo !== undefined).reduce((n, d) => n + d.cards.length, 0),
    checkins: backup.data.checkins.filter((c) => c.deleted === 0).length,
    ...(dates.length ? { from: dates[0], to: dates[dates.length - 1] } : {}),
  };
}
