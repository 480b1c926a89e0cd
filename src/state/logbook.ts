/**
 * The logbook as the UI sees it: one shared connection, and saving with the follow-on work a
 * save implies (removing the draft it came from, asking for persistent storage once).
 */
import type { BackupData } from '../domain/exports/backup';
import type { DeletedElsewhere } from '../domain/logbook/compose';
import type { EntryDraft } from '../domain/logbook/drafts';
import type { IndexItem, OpenActionsPage } from '../domain/logbook/filters';
import type { ActionRecord, ActionStatus, FollowUp } from '../domain/records/action';
import type { EntryWithActions } from '../domain/records/entry';
import { requestPersistence, storageStatus } from '../storage/device-storage';
import { holdHome, LOGBOOK_DATABASE } from '../storage/home';
import { openLogbook, type Logbook, type Unsubscribe } from '../storage/logbook';
import { StorageProblem, toStorageProblem } from '../storage/storage-problem';
import { useAppStatus } from './app-status';
import { useLockStatus } from './lock-status';
import { discardDraft, type DraftHandle } from './drafts';
import { useNotices } from './notices';
import { checkNotVanished, checkSpace, noteEntryCount } from './storage-health';
import { loadOwnDecks } from './decks';

export type { StorageProblem, Unsubscribe, DeletedElsewhere };
export type { StorageStatus } from '../storage/device-storage';

let current: Logbook | null = null;
let databaseName = LOGBOOK_DATABASE;

let factory: IDBFactory | undefined;

/** Chooses the database (e.g. a guest logbook, in a storage of its own). Closes the current connection. */
export function selectDatabase(name: string, indexedDB?: IDBFactory): void {
  current?.close();
  current = null;
  databaseName = name;
  factory = indexedDB;
}

export function logbook(): Logbook {
  if (!current) {
    const status = useAppStatus.getState();
    current = openLogbook(databaseName, {
      ...(factory ? { indexedDB: factory } : { home: () => holdHome(() => useLockStatus.getState().set({ moving: true })).finally(moved) }),
      onProblem: (problem) => useNotices.getState().showProblem(problem),
      onUpgrading: () => status.set({ logbookUpgrading: true }),
    });
    const opened = current;
    opened
      .open()
      .then(async () => {
        // Decks and cards made in the app, restored from a backup or synced from another device,
        // are shown from now on, and the first screen knows to read them (decks.ts).
        void loadOwnDecks();
        checkNotVanished((await opened.entries.countChangedSince(null)).total);
        await checkSpace(true);
      })
      .catch((error: unknown) => useNotices.getState().showProblem(toStorageProblem(error)))
      .finally(() => status.set({ logbookUpgrading: false }));
  }
  return current;
}

const moved = () => useLockStatus.getState().moving && useLockStatus.getState().set({ moving: false });

/** Closes the logbook (it locked): the next use opens it again, wherever it is by then. */
export function closeLogbook(): void {
  current?.close();
  current = null;
}

/** The whole logbook for a backup. */
export function backupData(): Promise<BackupData> {
  return logbook().backups.exportAll();
}

/** After a change to the logbook: remember its size, and look at the space left. */
export function afterChange(): void {
  const book = logbook();
  void book.entries
    .countChangedSince(null)
    .then(({ total }) => noteEntryCount(total))
    .then(() => checkSpace())
    .catch(() => undefined);
}

/** True once writing has stopped because the device is full or its storage damaged. */
export function savingStopped(): boolean {
  return !!current?.stopped();
}

/**
 * Saves an entry, then removes the draft it came from (no other) and, after the first entry,
 * asks to keep storage. `revive` brings back an entry deleted since the draft was made.
 */
export async function saveEntry(draft: EntryDraft, handle?: DraftHandle, options: { revive?: boolean } = {}): Promise<EntryWithActions> {
  const saved = await logbook().entries.save(draft, options);
  if (handle) await discardDraft(handle).catch(() => undefined);
  void askForPersistenceOnce();
  afterChange();
  return saved;
}

/** Asks the browser, once, not to clear the logbook under storage pressure. */
export async function askForPersistenceOnce(): Promise<void> {
  try {
    const book = logbook();
    if (await book.meta.get<boolean>('persistRequested')) return;
    await book.meta.set('persistRequested', true);
    await requestPersistence();
  } catch {
    // Not being able to ask is not worth interrupting the user for; Settings shows the status.
  }
}

export async function deleteEntry(entryId: string): Promise<void> {
  const deleted = await logbook().entries.remove(entryId);
  afterChange();
  useNotices.getState().showToast('Entry deleted.', {
    label: 'Undo',
    run: () => {
      logbook()
        .entries.undoRemove(deleted)
        .then(() => useNotices.getState().showToast('Entry restored.'))
        .catch((error: unknown) => useNotices.getState().showProblem(toStorageProblem(error)));
    },
  });
}

export function getEntry(id: string): Promise<EntryWithActions | undefined> {
  return logbook().entries.get(id);
}

export function entryState(id: string): Promise<'live' | 'deleted' | 'missing'> {
  return logbook().entries.state(id);
}

/** `base`: the version of the action the person was looking at (see storage/entries.ts). */
export function updateAction(action: ActionRecord, status: ActionStatus, followUp?: FollowUp, base?: ActionRecord): Promise<void> {
  return logbook().entries.updateAction(action, followUp ? { status, followUp } : { status }, base);
}

/** Chooses one of two values a field was given at once in two places. */
export function settleField(entryId: string, path: string, value: unknown, actionId?: string): Promise<void> {
  return logbook().entries.settle(entryId, actionId ? { action: actionId } : {}, path, value);
}

export function watchOpenActions(limit: number, day: string, onValue: (page: OpenActionsPage) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().entries.watchOpenActions(limit, day, onValue, onError);
}

export function watchRecent(limit: number, onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().entries.watchRecent(limit, onValue, onError);
}

export function watchByIds(ids: string[], onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  if (ids.length === 0) {
    onValue([]);
    return () => undefined;
  }
  return logbook().entries.watchByIds(ids, onValue, onError);
}

export function watchIndex(onValue: (items: IndexItem[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().entries.watchIndex(onValue, onError);
}

export function watchEntry(id: string, onValue: (item: EntryWithActions | undefined) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().entries.watchEntry(id, onValue, onError);
}

export async function storageInfo() {
  return storageStatus();
}

export async function askToKeepStorage(): Promise<boolean | null> {
  const answer = await requestPersistence();
  await logbook().meta.set('persistRequested', true).catch(() => undefined);
  return answer;
}

export function isStorageProblem(error: unknown): error is StorageProblem {
  return error instanceof StorageProblem;
}
