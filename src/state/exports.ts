/** Every export and the backup restore, generated on the device from the logbook. */
import { backupJson, makeBackup, MAX_BACKUP_BYTES, readBackup, summarise, tooBig, type Backup, type BackupData, type BackupSummary } from '../domain/exports/backup';
import { checkinsCsv } from '../domain/exports/checkins-csv';
import { logbookCsv } from '../domain/exports/csv';
import { encryptBackup, isEncryptedBackup, openBackup } from '../domain/exports/encrypted-backup';
import { loadDeck } from './decks';
import { fileNames } from '../domain/exports/file-names';
import { FORMATS, type FileFormat } from '../domain/exports/formats';
import { actionsIcs } from '../domain/exports/ics';
import { toMarkdown } from '../domain/exports/markdown';
import { logbookNotes, sessionNotes, type NotesDocument, type NotesOptions, type SessionBundle } from '../domain/exports/notes-document';
import { emitUtf8 } from '../domain/exports/utf8-chunks';
import { byNewest, sortOpenActions } from '../domain/logbook/filters';
import type { ActionRecord } from '../domain/records/action';
import type { EntryRecord } from '../domain/records/entry';
import type { ImportPlan } from '../domain/records/merge-plan';
import type { ImportResult } from '../storage/logbook';
import { afterChange, askForPersistenceOnce, backupData, closeLogbook, logbook } from './logbook';
import { isGuest } from './guest-flag';
import { lockSetHere } from './lock-status';
import { moveHome } from '../storage/home';
import { noteEntryCount } from './storage-health';
import { clearAllPending } from './pending-text';

/** A file to save, made in pieces as it is written: a big logbook is never one string or Blob on the page. */
export interface ExportFile {
  name: string;
  format: FileFormat;
  write: (emit: (bytes: Uint8Array<ArrayBuffer>) => void) => Promise<void>;
}

const textFile = (name: string, format: FileFormat, make: () => string | Promise<string>): ExportFile => ({
  name,
  format,
  write: async (emit) => emitUtf8(await make(), emit),
});

/** Live entries with their live actions, newest first. */
async function liveItems() {
  return (await logbook().entries.live()).sort(byNewest);
}

/** A backup; of `data` when it has been read already (see BackupNow). */
export function backupFile(now = new Date(), data?: BackupData): ExportFile {
  return textFile(fileNames.backup(now), FORMATS.backup, async () => backupJson(makeBackup(data ?? (await backupData()), now, __APP_VERSION__)));
}

/** A backup encrypted with a passphrase of its own: restoring it asks for that passphrase. */
export function encryptedBackupFile(passphrase: string, now = new Date()): ExportFile {
  return textFile(fileNames.backup(now), FORMATS.backup, async () => {
    const backup = makeBackup(await logbook().backups.exportAll(), now, __APP_VERSION__);
    return encryptBackup(backup, backupJson(backup), passphrase);
  });
}

/** Remembers a backup was made, for the reminder in Settings and the Logbook. */
export async function noteBackupMade(now = new Date()): Promise<void> {
  await logbook().meta.set('lastBackupAt', now.toISOString());
}

export interface BackupStatus {
  lastBackupAt: string | null;
  /** Entries written or changed since then. */
  changedSince: number;
  /** Entries in the logbook. */
  total: number;
  /** Until when the Logbook's reminder was asked to wait, if it was. */
  snoozedUntil: string | null;
}

export const REMIND_AFTER_DAYS = 14;
export const REMIND_AFTER_ENTRIES = 10;

export async function backupStatus(): Promise<BackupStatus> {
  const last = (await logbook().meta.get<string>('lastBackupAt')) ?? null;
  const snoozed = (await logbook().meta.get<string>(SNOOZE_KEY)) ?? null;
  const { changed, total } = await logbook().entries.countChangedSince(last);
  return { lastBackupAt: last, changedSince: changed, total, snoozedUntil: typeof snoozed === 'string' ? snoozed : null };
}

const SNOOZE_KEY = 'backupReminderSnoozedUntil';
export const SNOOZE_DAYS = 7;

/** "Remind me later": the Logbook's reminder rests for a week; Settings still says a backup is due. */
export async function snoozeBackupReminder(now = new Date()): Promise<void> {
  await logbook().meta.set(SNOOZE_KEY, new Date(now.getTime() + SNOOZE_DAYS * 86_400_000).toISOString());
}

/** Whether the Logbook should remind now: a backup is due and the reminder is not resting. */
export function remindNow(status: BackupStatus, now = new Date()): boolean {
  return needsReminder(status, now) && !(status.snoozedUntil && new Date(status.snoozedUntil).getTime() > now.getTime());
}

export function needsReminder(status: BackupStatus, now = new Date()): boolean {
  if (status.total === 0) return false;
  if (status.changedSince >= REMIND_AFTER_ENTRIES) return true;
  if (!status.lastBackupAt) return status.changedSince > 0 && status.total >= 3;
  const days = (now.getTime() - new Date(status.lastBackupAt).getTime()) / 86_400_000;
  return days >= REMIND_AFTER_DAYS && status.changedSince > 0;
}

export function logbookCsvFile(now = new Date()): ExportFile {
  return { name: fileNames.logbookCsv(now), format: FORMATS.spreadsheet, write: (emit) => logbook().writeCsv(emit) };
}

export function logbookMarkdownFile(now = new Date()): ExportFile {
  return textFile(fileNames.logbookMarkdown(now), FORMATS.markdown, async () => toMarkdown(logbookNotes(await liveItems(), now, await logbook().checkins.all())));
}

/** Every check-in, a row for each statement or capability rated or noted. */
export function checkinsCsvFile(now = new Date()): ExportFile {
  return textFile(fileNames.checkinsCsv(now), FORMATS.spreadsheet, async () => {
    const [checkins, sessions, destinations] = await Promise.all([
      logbook().checkins.all(),
      logbook().sessions.all(),
      import('virtual:destinations').then((m) => m.default),
    ]);
    const decks = await Promise.all([...new Set(checkins.map((c) => c.deckId))].map(loadDeck));
    const deckOf = (id: string) => {
      const deck = decks.find((d) => d?.id === id);
      if (!deck) throw new Error('A deck these check-ins were made against could not be loaded. Reload the page and try again.');
      return deck;
    };
    return checkinsCsv(checkins, deckOf, destinations, new Map(sessions.map((s) => [s.id, s.title])));
  });
}

export function openActionsIcsFile(now = new Date()): ExportFile {
  return textFile(fileNames.actionsIcs(now), FORMATS.calendar, async () => {
    const items = await liveItems();
    const entries = new Map<string, EntryRecord>(items.map((i) => [i.entry.id, i.entry]));
    const open = sortOpenActions(items.flatMap((i) => i.actions));
    return actionsIcs(open.map((action) => ({ action, entry: entries.get(action.entryId) })), now);
  });
}

export function actionIcsFile(action: ActionRecord, entry: EntryRecord | undefined, now = new Date()): ExportFile {
  return textFile(fileNames.actionIcs(action.what), FORMATS.calendar, () => actionsIcs([{ action, entry }], now));
}

export function sessionNotesFile(bundle: SessionBundle, options: NotesOptions, now = new Date()): ExportFile {
  return textFile(fileNames.sessionNotes(bundle.session.date, bundle.session.title), FORMATS.markdown, () =>
    toMarkdown(sessionNotes(bundle, options, now)),
  );
}

/** A document as a Word file. Word's code is big, so it is fetched only now. */
export function docxFile(name: string, make: () => NotesDocument): ExportFile {
  return {
    name,
    format: FORMATS.word,
    write: async (emit) => {
      const { toDocx } = await import('../domain/exports/docx');
      emit(await toDocx(make()));
    },
  };
}

export function sessionDocxFile(bundle: SessionBundle, options: NotesOptions, now = new Date()): ExportFile {
  return docxFile(fileNames.sessionNotes(bundle.session.date, bundle.session.title, FORMATS.word.extension), () => sessionNotes(bundle, options, now));
}

/** The session's open actions that have a due date, as calendar events. */
export function sessionIcsFile(bundle: SessionBundle, now = new Date()): ExportFile {
  return textFile(fileNames.sessionIcs(bundle.session.date, bundle.session.title), FORMATS.calendar, () =>
    actionsIcs(bundle.entries.flatMap(({ entry, actions }) => actions.map((action) => ({ action, entry }))), now),
  );
}

export function sessionCsvFile(bundle: SessionBundle): ExportFile {
  return textFile(fileNames.sessionCsv(bundle.session.date, bundle.session.title), FORMATS.spreadsheet, () =>
    logbookCsv(bundle.entries, new Map([[bundle.session.id, bundle.session]])).join(''),
  );
}

export type RestorePreview =
  | { ok: true; backup: Backup; summary: BackupSummary; plan: ImportPlan; encrypted: boolean }
  | { ok: false; message: string; needsPassphrase?: boolean };

/**
 * Reads and checks a chosen file completely, and says what importing it would change. An
 * encrypted backup is opened with `passphrase`, and asks for one when none is given.
 */
export async function previewRestore(file: Blob, passphrase?: string): Promise<RestorePreview> {
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, message: tooBig() };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: 'The file could not be read. Check it is on this device (not only in the cloud) and try again.' };
  }
  const encrypted = isEncryptedBackup(text);
  if (encrypted) {
    if (passphrase === undefined) return { ok: false, needsPassphrase: true, message: 'This backup is encrypted. Type the passphrase it was saved with to open it.' };
    const opened = await openBackup(text, passphrase);
    if (!opened.ok) return { ...opened, needsPassphrase: true };
    text = opened.text;
  }
  const read = readBackup(text);
  if (!read.ok) return read;
  const result = await logbook().backups.merge(read.backup.data, { dryRun: true });
  if (!result.ok) return result;
  return { ok: true, backup: read.backup, summary: summarise(read.backup), plan: result.plan, encrypted };
}

/** Imports a previewed backup, all or nothing. Asks first for storage the browser will not clear. */
export async function restore(backup: Backup): Promise<ImportResult> {
  await askForPersistenceOnce();
  const result = await logbook().backups.merge(backup.data);
  afterChange();
  return result;
}

/**
 * Every entry, session and draft, and the emergency copies of typed text kept beside them. The
 * device's own logbook is then moved into new storage, so that its old files, which still hold
 * what was deleted, go too (storage/home.ts); if another tab keeps it open, only the records go.
 */
export async function clearAllData(): Promise<void> {
  await logbook().backups.clearAll();
  clearAllPending();
  noteEntryCount(0);
  // Under a lock what was deleted is left only as ciphertext, and moving would drop the key held here.
  if (isGuest() || lockSetHere()) return;
  closeLogbook();
  // Other tabs are not asked to let go: one that has the logbook open keeps it where it is.
  await moveHome({ waitMs: 1000, ifDue: false });
}
