/**
 * Every way saving can fail, in plain English. Raw IndexedDB and Dexie errors never reach the UI:
 * they are turned into one of these kinds, each with a message that says what to do next.
 */
export type StorageProblemKind = 'quota' | 'blocked' | 'version' | 'unavailable' | 'unknown';

const MESSAGES: Record<StorageProblemKind, string> = {
  quota:
    'This device has run out of storage space for the app, so nothing was saved. Your text is still here. Free some space on the device (or export and delete old entries), then try again.',
  blocked:
    'The logbook is being updated, but an older copy of the app is still open in another tab or window. Close the other Power Shifting tabs and windows, and this one will carry on.',
  version:
    'A newer version of the app has been opened in another tab, so this tab can no longer save. Your text is still here and kept as a draft: reload this tab to carry on.',
  unavailable:
    'This browser is not letting the app save anything on this device (private browsing windows often do this). You can still deal cards, but to keep a logbook, open the app in a normal window.',
  unknown: 'Something went wrong while saving, so nothing was changed. Your text is still here: please try again.',
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

function names(error: unknown): string[] {
  const out: string[] = [];
  let current = error as ErrorLike | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.name === 'string') out.push(current.name);
    current = current.inner as ErrorLike | undefined;
  }
  return out;
}

export function kindOf(error: unknown): StorageProblemKind {
  if (error instanceof StorageProblem) return error.kind;
  const chain = names(error);
  // Some browsers report a full disk as an aborted transaction with the quota error inside.
  if (chain.includes('QuotaExceededError')) return 'quota';
  if (chain.includes('MissingAPIError') || chain.includes('SecurityError')) return 'unavailable';
  if (chain.includes('VersionChangeError') || chain.includes('VersionError')) return 'version';
  if (chain[0] === 'DatabaseClosedError') return 'version';
  if (chain[0] === 'OpenFailedError' && (chain.includes('InvalidStateError') || chain.includes('UnknownError'))) {
    return 'unavailable';
  }
  return 'unknown';
}

export function toStorageProblem(error: unknown): StorageProblem {
  if (error instanceof StorageProblem) return error;
  const detail = (error as ErrorLike | undefined)?.message;
  return new StorageProblem(kindOf(error), typeof detail === 'string' ? detail : undefined);
}
