/** Every export and the backup restore, generated on the device from the logbook. */
import { backupJson, makeBackup, MAX_BACKUP_BYTES, readBackup, summarise, tooBig, type Backup, type BackupSummary, type MergePlan } from '../domain/exports/backup';
import { logbookCsv } from '../domain/exports/csv';
import { fileNames } from '../domain/exports/file-names';
import { logbookMarkdown } from '../domain/exports/logbook-markdown';
import { actionsIcs } from '../domain/exports/ics';
import { emitUtf8 } from '../domain/exports/utf8-chunks';
import { sessionNotesMarkdown, type NotesOptions, type SessionBundle } from '../domain/exports/session-notes';
import { byNewest, sortOpenActions } from '../domain/logbook/filters';
import type { ActionRecord, EntryRecord, EntryWithActions } from '../domain/logbook/records';
import type { SessionRecord } from '../domain/sessions/records';
import { logbook } from './logbook';
import { clearAllPending } from './pending-text';

/** A generated file; `parts` are joined only by the Blob that holds them. */
export interface ExportFile {
  name: string;
  type: string;
  parts: string[];
}

/** A generated file handed over in chunks as it is made: a big logbook is never one Blob made on the page. */
export interface StreamedFile {
  name: string;
  type: string;
  write: (emit: (bytes: Uint8Array<ArrayBuffer>) => void) => Promise<void>;
}

/** Live entries with their live actions, newest first, and the sessions they may belong to. */
async function liveItems(): Promise<{ items: EntryWithActions[]; sessions: SessionRecord[] }> {
  const { items, sessions } = await logbook().liveEntries();
  return { items: items.sort(byNewest), sessions };
}

export function backupFile(now = new Date()): StreamedFile {
  return {
    name: fileNames.backup(now),
    type: 'application/json',
    write: async (emit) => emitUtf8(backupJson(makeBackup(await logbook().exportAll(), now, __APP_VERSION__)), emit),
  };
}

/** Remembers a backup was made, for the reminder in Settings and the Logbook. */
export async function noteBackupMade(now = new Date()): Promise<void> {
  await logbook().setMeta('lastBackupAt', now.toISOString());
}

export interface BackupStatus {
  lastBackupAt: string | null;
  /** Entries written or changed since then. */
  changedSince: number;
  /** Entries in the logbook. */
  total: number;
}

export const REMIND_AFTER_DAYS = 14;
export const REMIND_AFTER_ENTRIES = 10;

export async function backupStatus(): Promise<BackupStatus> {
  const last = (await logbook().getMeta<string>('lastBackupAt')) ?? null;
  const { changed, total } = await logbook().countChangedSince(last);
  return { lastBackupAt: last, changedSince: changed, total };
}

export function needsReminder(status: BackupStatus, now = new Date()): boolean {
  if (status.total === 0) return false;
  if (status.changedSince >= REMIND_AFTER_ENTRIES) return true;
  if (!status.lastBackupAt) return status.changedSince > 0 && status.total >= 3;
  const days = (now.getTime() - new Date(status.lastBackupAt).getTime()) / 86_400_000;
  return days >= REMIND_AFTER_DAYS && status.changedSince > 0;
}

export function logbookCsvFile(now = new Date()): StreamedFile {
  return { name: fileNames.logbookCsv(now), type: 'text/csv;charset=utf-8', write: (emit) => logbook().writeCsv(emit) };
}

export function logbookMarkdownFile(now = new Date()): StreamedFile {
  return {
    name: fileNames.logbookMarkdown(now),
    type: 'text/markdown;charset=utf-8',
    write: async (emit) => emitUtf8(logbookMarkdown((await liveItems()).items, now), emit),
  };
}

export async function openActionsIcsFile(now = new Date()): Promise<ExportFile> {
  const { items } = await liveItems();
  const entries = new Map<string, EntryRecord>(items.map((i) => [i.entry.id, i.entry]));
  const open = sortOpenActions(items.flatMap((i) => i.actions)).filter((a) => a.due);
  return {
    name: fileNames.actionsIcs(now),
    type: 'text/calendar;charset=utf-8',
    parts: [actionsIcs(open.map((action) => ({ action, entry: entries.get(action.entryId) })), now)],
  };
}

export function actionIcsFile(action: ActionRecord, entry: EntryRecord | undefined, now = new Date()): ExportFile {
  return {
    name: fileNames.actionIcs(action.what),
    type: 'text/calendar;charset=utf-8',
    parts: [actionsIcs([{ action, entry }], now)],
  };
}

export function sessionNotesFile(bundle: SessionBundle, options: NotesOptions): ExportFile {
  return {
    name: fileNames.sessionNotes(bundle.session.date, bundle.session.title),
    type: 'text/markdown;charset=utf-8',
    parts: [sessionNotesMarkdown(bundle, options)],
  };
}

/** The session's actions that have a due date, as calendar events. */
export function sessionIcsFile(bundle: SessionBundle, now = new Date()): ExportFile {
  const dated = bundle.entries.flatMap(({ entry, actions }) => actions.filter((a) => a.due).map((action) => ({ action, entry })));
  return {
    name: fileNames.sessionIcs(bundle.session.date, bundle.session.title),
    type: 'text/calendar;charset=utf-8',
    parts: [actionsIcs(dated, now)],
  };
}

export function sessionCsvFile(bundle: SessionBundle): ExportFile {
  return {
    name: fileNames.sessionCsv(bundle.session.date, bundle.session.title),
    type: 'text/csv;charset=utf-8',
    parts: logbookCsv(bundle.entries, new Map([[bundle.session.id, bundle.session]])),
  };
}

export type RestorePreview =
  | { ok: true; backup: Backup; summary: BackupSummary; plan: MergePlan }
  | { ok: false; message: string };

/** Reads and checks a chosen file completely, and says what importing it would change. */
export async function previewRestore(file: Blob): Promise<RestorePreview> {
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, message: tooBig() };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: 'The file could not be read. Check it is on this device (not only in the cloud) and try again.' };
  }
  const read = readBackup(text);
  if (!read.ok) return read;
  const plan = await logbook().merge(read.backup.data, { dryRun: true });
  return { ok: true, backup: read.backup, summary: summarise(read.backup), plan };
}

export function restore(backup: Backup): Promise<MergePlan> {
  return logbook().merge(backup.data);
}

/** Every entry, session and draft, and the emergency copies of typed text kept beside them. */
export async function clearAllData(): Promise<void> {
  await logbook().clearAll();
  clearAllPending();
}
