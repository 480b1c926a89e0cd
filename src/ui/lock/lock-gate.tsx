import type { ComponentChildren } from 'preact';
import '../styles/logbook.css';
import '../styles/lock.css';
import { useEffect } from 'preact/hooks';
import { refreshLock } from '../../state/lock';
import { lockSetHere, useLockStatus } from '../../state/lock-status';
import { UnlockScreen } from './unlock-screen';

/** What people wrote is shown only while unlocked: a locked logbook asks for the passphrase in its place. */
export function LockGate({ children }: { children: ComponentChildren }) {
  const status = useLockStatus((s) => s.status);
  useEffect(() => {
    // Storage that cannot be read has no lock to ask for: the screen then shows its own message.
    refreshLock().catch(() => useLockStatus.getState().set({ status: lockSetHere() ? 'locked' : 'off' }));
  }, []);
  if (status === 'locked') return <UnlockScreen />;
  if (status === 'unknown') return <p class="loading" aria-busy="true">Loading…</p>;
  return <>{children}</>;
}
