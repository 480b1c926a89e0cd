/**
 * Every way storage can fail, in plain English. Raw IndexedDB and Dexie errors never reach the
 * UI: they are turned into one of these kinds, each with a message that says what happened and
 * what to do. The messages say nothing of the person's text: the screen that had the text says
 * whether it is still there.
 */
export type StorageProblemKind = 'full' | 'blocked' | 'version' | 'unavailable' | 'locked' | 'unknown';

const MESSAGES: Record<StorageProblemKind, string> = {
  full:
    'This device’s storage is full or damaged, so the app has stopped saving to protect what is already saved. Save a backup now, then free up space on the device and reload the app.',
  blocked:
    'The logbook is being updated, but an older copy of the app is still open in another tab or window. Close the other Power Shifting tabs and windows, and this one will carry on.',
  version:
    'A newer version of the app has been opened in another tab, so this tab can no longer save. Reload this tab to carry on.',
  unavailable:
    'This browser is not letting the app save anything on this device (private browsing windows often do this). You can still deal cards, but to keep a logbook, open the app in a normal window.',
  locked: 'The logbook is locked, so nothing was read or changed. Unlock it with your passphrase, then try again.',
  unknown: 'Something went wrong with the storage on this device, so nothing was changed. Please try again.',
};

export class StorageProblem extends Error {
  override readonly name = 'StorageProblem';
  constructor(
    readonly kind: StorageProblemKind,
    readonly detail?: string,
  ) {
    super(MESSAGES[kind]);
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
}

function chainOf(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current = error as ErrorLike | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    out.push(current);
    current = current.inner as ErrorLike | undefined;
  }
  return out;
}

export function kindOf(error: unknown): StorageProblemKind {
  if (error instanceof StorageProblem) return error.kind;
  const chain = chainOf(error);
  const names = chain.map((e) => (typeof e.name === 'string' ? e.name : ''));
  if (names.includes('LogbookLocked')) return 'locked';
  const messages = chain.map((e) => (typeof e.message === 'string' ? e.message : '')).join(' ');
  // Some browsers report a full disk as an aborted transaction with the quota error inside;
  // Chromium, when its files cannot be written, as a DataError "Failed to write blobs (IOError)".
  if (names.includes('QuotaExceededError') || /IOError|Failed to write|No space|disk full/i.test(messages)) return 'full';
  if (names.includes('MissingAPIError') || names.includes('SecurityError')) return 'unavailable';
  if (names.includes('VersionChangeError') || names.includes('VersionError')) return 'version';
  if (names[0] === 'OpenFailedError' && names.includes('InvalidStateError')) return 'unavailable';
  // An UnknownError from IndexedDB means the browser could not use its files: a full or damaged
  // disk, also when Dexie reports it as the reason the database is closed.
  if (names.includes('UnknownError') || /Internal error opening backing store/i.test(messages)) return 'full';
  if (names[0] === 'DatabaseClosedError') return 'version';
  return 'unknown';
}

export function toStorageProblem(error: unknown): StorageProblem {
  if (error instanceof StorageProblem) return error;
  const detail = (error as ErrorLike | undefined)?.message;
  return new StorageProblem(kindOf(error), typeof detail === 'string' ? detail : undefined);
}
