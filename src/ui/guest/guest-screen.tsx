import { useState } from 'preact/hooks';
import { backupFile } from '../../state/exports';
import { isGuest } from '../../state/guest-flag';
import { leaveGuest, startGuest } from '../../state/guest';
import { saveExport } from '../files/save-export';
import { ErrorMessage } from '../shell/error-message';

/** Starting a guest session on a borrowed or shared device, and leaving it (a backup offered first). */
export function GuestScreen() {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, failed: string) => {
    setProblem('');
    setBusy(true);
    try {
      await work();
    } catch {
      setProblem(failed);
    } finally {
      setBusy(false);
    }
  };
  const attrs = busy ? { 'aria-disabled': true } : {};

  if (!isGuest()) {
    return (
      <section class="screen prose" aria-labelledby="guest-title">
        <h1 id="guest-title">Use as a guest</h1>
        <p>
          On a borrowed or shared device: a logbook of your own, kept apart from this device’s logbook and wiped when you leave. Nothing of it
          stays on the device.
        </p>
        <p>Every screen says “Guest — nothing is kept” while you are a guest. Before you leave, you can download a backup to keep.</p>
        <button type="button" class="button button--primary" onClick={() => startGuest()}>
          Start a guest session
        </button>
      </section>
    );
  }
  return (
    <section class="screen prose" aria-labelledby="guest-title">
      <h1 id="guest-title">Leave guest mode</h1>
      <p>Leaving wipes everything written in this guest session from this device. It cannot be undone.</p>
      <p>To keep it, download a backup first and restore it on your own device (Settings, Restore from a backup).</p>
      <div class="panel__actions">
        <button type="button" class="button" {...attrs} onClick={() => void run(() => saveExport(backupFile()), 'The backup could not be made. Nothing was wiped; try again.')}>
          Download a backup
        </button>
        <button type="button" class="button button--primary" {...attrs} onClick={() => void run(leaveGuest, 'The guest logbook could not be wiped. Close every tab of the app, open it again and leave from here.')}>
          Leave and wipe everything
        </button>
      </div>
      <ErrorMessage message={problem} />
    </section>
  );
}
