/**
 * Wrong passphrases are rate-limited: the first three are free, then each waits twice as long
 * as the one before, up to five minutes. The count is kept with the lock (it says nothing about
 * the passphrase), so a reload does not reset it.
 */
export interface Attempts {
  failures: number;
  /** When the last wrong one was tried (ms since the epoch). */
  lastFailure: number;
}

const FREE = 3;
const MAX_DELAY_MS = 5 * 60_000;

export const NO_ATTEMPTS: Attempts = { failures: 0, lastFailure: 0 };

/** How long to wait after this many wrong tries, in milliseconds. */
export function delayAfter(failures: number): number {
  if (failures < FREE) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE));
}

/** Milliseconds until the next try is allowed (0: now). */
export function waitBefore(attempts: Attempts, now: number): number {
  return Math.max(0, attempts.lastFailure + delayAfter(attempts.failures) - now);
}

export function failed(attempts: Attempts, now: number): Attempts {
  return { failures: attempts.failures + 1, lastFailure: now };
}
