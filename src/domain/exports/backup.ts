/**
 * Backups: the whole logbook in a versioned envelope, and the strict reading of one. A file is
 * validated completely before anything is written; records merge by id with the newer
 * `updatedAt` winning, so importing the same file twice changes nothing.
 */
import * as v from 'valibot';
import { ACTION_STATUSES, type ActionRecord, type EntryRecord } from '../logbook/records';
import { SESSION_KINDS, type SessionRecord } from '../sessions/records';

export const BACKUP_FORMAT = 'power-shifting-backup';
export const BACKUP_VERSION = 1;
/** A backup of 50,000 entries is about 130 MB; a file far beyond that is not one of ours. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
export const MAX_TEXT = 100_000;

export interface BackupData {
  entries: EntryRecord[];
  actions: ActionRecord[];
  sessions: SessionRecord[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  app: { name: string; version: string };
  data: BackupData;
}

export function makeBackup(data: BackupData, now: Date, appVersion: string): Backup {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    app: { name: 'Power Shifting', version: appVersion },
    data: {
      entries: [...data.entries].sort(byId),
      actions: [...data.actions].sort(byId),
      sessions: [...data.sessions].sort(byId),
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

const Text = v.pipe(v.string('must be text'), v.maxLength(MAX_TEXT, `is longer than ${MAX_TEXT.toLocaleString('en-GB')} characters`));
const Short = v.pipe(v.string('must be text'), v.maxLength(500, 'is longer than 500 characters'));
const Id = v.pipe(v.string('must be text'), v.regex(/^[0-9A-Za-z_-]{1,64}$/, 'is not a valid id'));
const Time = v.pipe(v.string('must be a date and time'), v.isoTimestamp('must be a date and time'));
const Day = v.pipe(v.string('must be a date'), v.isoDate('must be a date like 2026-03-01'));
const OptionalDay = v.union([v.literal(''), Day], 'must be empty or a date like 2026-03-01');
const Deleted = v.pipe(
  v.union([v.picklist([0, 1]), v.boolean()], 'must be 0 or 1'),
  v.transform((d): 0 | 1 => (d === true || d === 1 ? 1 : 0)),
);
const Count = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0), v.maxValue(1_000_000));

const Tracked = { id: Id, createdAt: Time, updatedAt: Time, deleted: Deleted };

const CardSnapshotSchema = v.object({
  deckId: Short,
  cardId: Short,
  capabilityNumber: Count,
  capabilityHeading: Text,
  groupId: Short,
  groupName: Short,
  text: Text,
});

const EntrySchema = v.object({
  ...Tracked,
  card: v.optional(CardSnapshotSchema),
  capabilityNumber: v.optional(Count),
  sessionId: v.optional(Id),
  community: v.optional(Text, ''),
  reflection: v.optional(Text, ''),
  notes: v.optional(Text, ''),
  tags: v.optional(v.pipe(v.array(Short), v.maxLength(200)), []),
});

const ActionSchema = v.object({
  ...Tracked,
  entryId: Id,
  what: v.optional(Text, ''),
  owner: v.optional(Short, ''),
  due: v.optional(OptionalDay, ''),
  status: v.picklist(ACTION_STATUSES, `must be one of ${ACTION_STATUSES.join(', ')}`),
  followUp: v.optional(v.object({ happened: v.optional(Text, ''), learned: v.optional(Text, '') }), { happened: '', learned: '' }),
  order: v.optional(Count, 0),
});

const SessionSchema = v.object({
  ...Tracked,
  kind: v.picklist(SESSION_KINDS, `must be one of ${SESSION_KINDS.join(', ')}`),
  title: Short,
  date: Day,
  participants: v.optional(v.pipe(v.array(Short), v.maxLength(500)), []),
  series: v.optional(Short, ''),
  status: v.picklist(['active', 'paused', 'ended'], 'must be active, paused or ended'),
  cards: v.optional(v.array(v.object({ deckId: Short, cardId: Short, at: Time })), []),
  cardNotes: v.optional(v.array(v.object({ cardId: Short, text: Text })), []),
  notes: v.optional(Text, ''),
  endedAt: v.optional(Time),
});

const EnvelopeSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.number(),
  exportedAt: Time,
  app: v.object({ name: Short, version: Short }),
  data: v.object({
    entries: v.array(EntrySchema, 'must be a list'),
    actions: v.array(ActionSchema, 'must be a list'),
    sessions: v.optional(v.array(SessionSchema, 'must be a list'), []),
  }),
});

export type ReadResult = { ok: true; backup: Backup } | { ok: false; message: string };

const NOT_OURS = 'This file is not a Power Shifting backup, so nothing was imported. Choose a file whose name starts with “power-shifting-backup”.';

export function readBackup(text: string): ReadResult {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, message: tooBig() };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return {
      ok: false,
      message: 'This file could not be read as a backup: it is not valid JSON. It may have been cut short, or be a different kind of file. Nothing was imported.',
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: NOT_OURS };
  const envelope = json as Record<string, unknown>;
  if (envelope.format !== BACKUP_FORMAT) return { ok: false, message: NOT_OURS };
  if (typeof envelope.version === 'number' && envelope.version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was made by a newer version of Power Shifting (backup format ${envelope.version}). Update the app by reloading it while online, then try again. Nothing was imported.`,
    };
  }
  if (envelope.version !== BACKUP_VERSION) return { ok: false, message: NOT_OURS };
  const parsed = v.safeParse(EnvelopeSchema, json, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue ? describePath(issue) : 'the file';
    return {
      ok: false,
      message: `This backup is damaged, so nothing was imported: ${where} ${issue?.message ?? 'is not as expected'}.`,
    };
  }
  const data = parsed.output.data;
  const duplicate = firstDuplicate(data.entries, 'entry') ?? firstDuplicate(data.actions, 'action') ?? firstDuplicate(data.sessions, 'session');
  if (duplicate) return { ok: false, message: duplicate };
  const entryIds = new Set(data.entries.map((e) => e.id));
  const orphan = data.actions.findIndex((a) => !entryIds.has(a.entryId));
  if (orphan >= 0) {
    return { ok: false, message: `This backup is damaged, so nothing was imported: action ${orphan + 1} belongs to an entry that is not in the file.` };
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: parsed.output.exportedAt,
      app: parsed.output.app,
      data: { entries: data.entries as EntryRecord[], actions: data.actions as ActionRecord[], sessions: data.sessions as SessionRecord[] },
    },
  };
}

export function tooBig(): string {
  return `This file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, more than any Power Shifting backup should be, so it was not imported.`;
}

const NOUNS: Record<string, string> = { entries: 'entry', actions: 'action', sessions: 'session' };

function describePath(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const keys = path.map((p) => p.key);
  const table = keys[1];
  const index = keys[2];
  if (keys[0] === 'data' && typeof table === 'string' && typeof index === 'number') {
    const field = keys.slice(3).join('.');
    return `${NOUNS[table] ?? table} ${index + 1}${field ? `, field “${field}”,` : ''}`;
  }
  return keys.length ? `the field “${keys.join('.')}”` : 'the file';
}

function firstDuplicate(records: readonly { id: string }[], noun: string): string | undefined {
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) return `This backup lists the same ${noun} twice (id ${record.id}), so it may be damaged. Nothing was imported.`;
    seen.add(record.id);
  }
  return undefined;
}

// ---- Merging --------------------------------------------------------------------------------

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface MergePlan {
  put: BackupData;
  counts: { entries: MergeCounts; actions: MergeCounts; sessions: MergeCounts };
}

function plan<T extends { id: string; updatedAt: string }>(
  incoming: readonly T[],
  existing: ReadonlyMap<string, T>,
): { put: T[]; counts: MergeCounts } {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const put: T[] = [];
  for (const record of incoming) {
    const current = existing.get(record.id);
    if (!current) {
      counts.added++;
      put.push(record);
    } else if (record.updatedAt > current.updatedAt) {
      counts.updated++;
      put.push(record);
    } else {
      counts.unchanged++;
    }
  }
  return { put, counts };
}

/** Newer `updatedAt` wins, record by record; a newer tombstone deletes, an older one is ignored. */
export function planMerge(
  incoming: BackupData,
  existing: {
    entries: ReadonlyMap<string, EntryRecord>;
    actions: ReadonlyMap<string, ActionRecord>;
    sessions: ReadonlyMap<string, SessionRecord>;
  },
): MergePlan {
  const entries = plan(incoming.entries, existing.entries);
  const actions = plan(incoming.actions, existing.actions);
  const sessions = plan(incoming.sessions, existing.sessions);
  return {
    put: { entries: entries.put, actions: actions.put, sessions: sessions.put },
    counts: { entries: entries.counts, actions: actions.counts, sessions: sessions.counts },
  };
}

export interface BackupSummary {
  exportedAt: string;
  entries: number;
  actions: number;
  sessions: number;
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
    ...(dates.length ? { from: dates[0], to: dates[dates.length - 1] } : {}),
  };
}
