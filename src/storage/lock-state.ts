/** Where the lock is kept, and which of its states encrypt what is written. */
export const LOCK_KEY = 'lock';

/**
 * `sealing`: being turned on (records are being encrypted); `on`; `opening`: being turned off
 * (records are being decrypted, and new writes are plain).
 */
export type LockPhase = 'sealing' | 'on' | 'opening';

export function sealsWrites(stored: unknown): boolean {
  const phase = (stored as { phase?: LockPhase } | undefined)?.phase;
  return phase === 'sealing' || phase === 'on';
}
