/**
 * The lock as the UI uses it: setting it (the rewrite runs on in the background and resumes
 * after a reload), unlocking, locking now, changing the passphrase, turning it off. Every tab
 * follows: locking in one locks all, and a lock set or removed in one is read again by the others.
 */
import type { Secret } from '../storage/keyring';
import { TooSoon } from '../storage/keyring';
import { WrongSecret } from '../domain/lock/keys';
import { flushAll } from './flush';
import { closeLogbook, logbook } from './logbook';
import { moveHome } from '../storage/home';
import { useActiveSession } from './active-session';
import { useLockStatus } from './lock-status';
import { useNotices } from './notices';
import { toStorageProblem } from '../storage/storage-problem';
import { clearAllPending } from './pending-text';

export type { Secret };

const CHANNEL = 'power-shifting:lock';
type Message = 'locked' | 'changed';

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  if (event.data === 'locked') forget();
  else void logbook().relock().then(refreshLock);
});

const tell = (message: Message) => channel?.postMessage(message);

let rewriting: Promise<void> | null = null;

/** Carries on a rewrite left half-way (by a reload or a crash), once unlocked. */
function finishRewrite(): Promise<void> {
  rewriting ??= logbook()
    .keyring.rewrite((done) => useLockStatus.getState().set({ rewriting: done }))
    .finally(() => {
      rewriting = null;
      useLockStatus.getState().set({ rewriting: null });
      tell('changed');
    })
    .then(refreshLock);
  return rewriting;
}

/** A rewrite in the background that fails says so; it carries on from where it stopped next time. */
function rewriteInBackground(): void {
  finishRewrite().catch((error: unknown) => useNotices.getState().showProblem(toStorageProblem(error)));
}

export async function refreshLock(): Promise<void> {
  const keyring = logbook().keyring;
  const status = await keyring.status();
  useLockStatus.getState().set({ status });
  if (status === 'unlocked' && (await keyring.unfinished())) rewriteInBackground();
}

/** Sets a lock and returns the recovery code to show once; what is stored is encrypted in the background. */
export async function setLock(passphrase: string): Promise<string> {
  await flushAll();
  const code = await logbook().keyring.set(passphrase);
  clearAllPending();
  useLockStatus.getState().set({ status: 'unlocked' });
  // Stored again, now without the running session's title (see active-session.ts).
  const active = useActiveSession.getState().active;
  if (active) useActiveSession.getState().set({ ...active });
  tell('changed');
  rewriteInBackground();
  return code;
}

/** A plain-English reason an unlock (or a change) was refused. */
export function lockError(error: unknown): string {
  if (error instanceof WrongSecret || error instanceof TooSoon) return error.message;
  return 'The logbook could not be unlocked, because of a problem with this device’s storage. Reload the app and try again.';
}

export async function unlock(secret: Secret): Promise<void> {
  await logbook().keyring.unlock(secret);
  await refreshLock();
}

/** Forgets the key and closes the logbook, so that the tab that locked it can move it (home.ts). */
function forget(): void {
  useLockStatus.getState().set({ status: 'locked' });
  logbook().keyring.lock();
  closeLogbook();
}

/** Other tabs are given this long to close the logbook before a move waits for another time. */
const MOVE_WAIT_MS = 10_000;

/**
 * Saves what is being typed (encrypted), then forgets the key, here and in every other tab. If
 * the logbook's files may still hold what was written before the lock was set, it is then moved
 * to new storage and the old files deleted; the unlock screen waits for that.
 */
export async function lockNow(): Promise<void> {
  if (useLockStatus.getState().status !== 'unlocked') return;
  await flushAll();
  forget();
  const moved = moveHome({ waitMs: MOVE_WAIT_MS, ifDue: true, onMoving: () => useLockStatus.getState().set({ moving: true }) });
  tell('locked');
  await moved
    .catch((error: unknown) => useNotices.getState().showProblem(toStorageProblem(error)))
    .finally(() => useLockStatus.getState().set({ moving: false }));
}

export async function changePassphrase(current: Secret, next: string): Promise<void> {
  await logbook().keyring.changePassphrase(current, next);
  await refreshLock();
}

export async function turnOffLock(secret: Secret): Promise<void> {
  await logbook().keyring.turnOff(secret);
  tell('changed');
  await finishRewrite();
}
