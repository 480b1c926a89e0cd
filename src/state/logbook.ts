/**
 * The logbook as the UI sees it: one shared connection, saving with the follow-on work a save
 * implies (clearing the draft, asking for persistent storage once), and drafts that survive
 * even when IndexedDB refuses to write.
 */
import type { EntryDraft } from '../domain/logbook/drafts';
import type { IndexItem, OpenActionsPage } from '../domain/logbook/filters';
import type { ActionRecord, ActionStatus, EntryWithActions, FollowUp } from '../domain/logbook/records';
import { requestPersistence, storageStatus } from '../storage/device-storage';
import { DEFAULT_DATABASE, openLogbook, type DeletedEntry, type Logbook, type Unsubscribe } from '../storage/logbook';
import { StorageProblem, toStorageProblem } from '../storage/storage-problem';
import { useNotices } from './notices';
import { useAppStatus } from './app-status';
import { clearPending, keepPending, readPending } from './pending-text';

export type { StorageProblem, Unsubscribe };
export type { StorageStatus } from '../storage/device-storage';

let current: Logbook | null = null;
let databaseName = DEFAULT_DATABASE;

/** Chooses the database (e.g. a guest logbook). Closes the current connection. */
export function selectDatabase(name: string): void {
  current?.close();
  current = null;
  databaseName = name;
}

export function logbook(): Logbook {
  if (!current) {
    const status = useAppStatus.getState();
    current = openLogbook(databaseName, {
      onProblem: (problem) => useNotices.getState().showProblem(problem),
      onUpgrading: () => status.set({ logbookUpgrading: true }),
    });
    current
      .open()
      .catch((error: unknown) => useNotices.getState().showProblem(toStorageProblem(error)))
      .finally(() => status.set({ logbookUpgrading: false }));
  }
  return current;
}

interface StoredDraft {
  savedAt: string;
  draft: EntryDraft;
}

const pendingKey = (key: string) => `draft:${key}`;

/** Saves a draft; if the database will not take it, keeps an emergency copy in localStorage. */
export async function saveDraft(key: string, draft: EntryDraft): Promise<void> {
  try {
    await logbook().saveDraft(key, draft);
    clearPending(pendingKey(key), draft);
  } catch (error) {
    keepPending(pendingKey(key), draft);
    throw toStorageProblem(error);
  }
}

/** Writes the emergency copy at once (for the moment a page is hidden or closed). */
export function keepDraftNow(key: string, draft: EntryDraft): void {
  keepPending(pendingKey(key), draft);
}

/** The newest of the database draft and any emergency copy. */
export async function loadDraft(key: string): Promise<StoredDraft | undefined> {
  const pending = readPending<EntryDraft>(pendingKey(key));
  const fallback = pending && { savedAt: pending.at, draft: pending.value };
  let stored: StoredDraft | undefined;
  try {
    stored = await logbook().loadDraft(key);
  } catch (error) {
    if (!fallback) throw toStorageProblem(error);
  }
  if (stored && fallback) return stored.savedAt >= fallback.savedAt ? stored : fallback;
  return stored ?? fallback;
}

export async function discardDraft(key: string): Promise<void> {
  clearPending(pendingKey(key));
  await logbook().deleteDraft(key);
}

/** Saves an entry, then clears its draft and, after the first entry, asks to keep storage. */
export async function saveEntry(draft: EntryDraft, draftKey?: string): Promise<EntryWithActions> {
  const saved = await logbook().save(draft);
  if (draftKey) await discardDraft(draftKey).catch(() => undefined);
  void askForPersistenceOnce();
  return saved;
}

async function askForPersistenceOnce(): Promise<void> {
  try {
    const book = logbook();
    if (await book.getMeta<boolean>('persistRequested')) return;
    await book.setMeta('persistRequested', true);
    await requestPersistence();
  } catch {
    // Not being able to ask is not worth interrupting the user for; Settings shows the status.
  }
}

export async function deleteEntry(entryId: string): Promise<void> {
  const deleted: DeletedEntry = await logbook().remove(entryId);
  const notices = useNotices.getState();
  notices.showToast('Entry deleted.', {
    label: 'Undo',
    run: () => {
      logbook()
        .undoRemove(deleted)
        .then(() => useNotices.getState().showToast('Entry restored.'))
        .catch((error: unknown) => useNotices.getState().showProblem(toStorageProblem(error)));
    },
  });
}

export function getEntry(id: string): Promise<EntryWithActions | undefined> {
  return logbook().get(id);
}

export function updateAction(action: Pick<ActionRecord, 'id' | 'entryId'>, status: ActionStatus, followUp?: FollowUp): Promise<void> {
  return logbook().updateAction(action, followUp ? { status, followUp } : { status });
}

export function watchOpenActions(limit: number, day: string, onValue: (page: OpenActionsPage) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().watchOpenActions(limit, day, onValue, onError);
}

export function watchRecent(limit: number, onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().watchRecent(limit, onValue, onError);
}

export function watchByIds(ids: string[], onValue: (items: EntryWithActions[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  if (ids.length === 0) {
    onValue([]);
    return () => undefined;
  }
  return logbook().watchByIds(ids, onValue, onError);
}

export function watchIndex(onValue: (items: IndexItem[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().watchIndex(onValue, onError);
}

export function watchEntry(
  id: string,
  onValue: (item: EntryWithActions | undefined) => void,
  onError: (p: StorageProblem) => void,
): Unsubscribe {
  return logbook().watchEntry(id, onValue, onError);
}

export function watchDrafts(
  onValue: (drafts: { key: string; savedAt: string; draft: EntryDraft }[]) => void,
  onError: (p: StorageProblem) => void,
): Unsubscribe {
  return logbook().watchDrafts(onValue, onError);
}

export async function storageInfo() {
  return storageStatus();
}

export async function askToKeepStorage(): Promise<boolean | null> {
  const answer = await requestPersistence();
  await logbook().setMeta('persistRequested', true).catch(() => undefined);
  return answer;
}
