import { useEffect, useState } from 'preact/hooks';
import { flushAll } from '../../state/flush';
import { useNotices, type Problem } from '../../state/notices';
import { paths } from '../routing/routes';

/** A toast goes after a few seconds, but not while the pointer or the keyboard is on it (WCAG 2.2.1). */
const TOAST_MS = 5000;

const BACKUP_STATUS = {
  idle: '',
  making: '',
  done: 'Backup saved. Keep the file somewhere other than this device.',
  'no-room':
    'The backup could not be made: with no space left on this device, the browser cannot even read the logbook. Everything saved before is still on the device. Free up some space (delete files or apps you no longer need), then close the browser completely and open the app again, and save a backup then.',
  failed: 'The backup could not be made. Please try again.',
};

/** Saves a backup from wherever a problem is shown: it still works when saving does not. */
function BackupNow() {
  const [state, setState] = useState<'idle' | 'making' | 'done' | 'no-room' | 'failed'>('idle');
  const run = async () => {
    if (state === 'making') return;
    setState('making');
    try {
      const [exports, { backupData }, { saveExport }] = await Promise.all([import('../../state/exports'), import('../../state/logbook'), import('../files/save-export')]);
      // Read first: when the logbook cannot be read, no download is begun only to fail.
      const data = await backupData();
      const outcome = await saveExport(exports.backupFile(new Date(), data));
      if (outcome === 'cancelled') return setState('idle');
      // Remembering when is a write, and writing may be what failed: the backup itself is made.
      await exports.noteBackupMade().catch(() => undefined);
      setState('done');
    } catch (error) {
      // With no space left the browser may close the logbook and refuse to open it again. It is
      // not reopened in this session: after such a failure Chromium has been seen to open an
      // empty store in its place. A fresh start of the browser, with some space, reads it again.
      setState((error as { kind?: unknown }).kind === 'full' ? 'no-room' : 'failed');
    }
  };
  return (
    <>
      <button type="button" class="button button--primary button--small" aria-disabled={state === 'making'} onClick={() => void run()}>
        {state === 'making' ? 'Making the backup…' : 'Save a backup now'}
      </button>
      <span role="status" class="banner__status">
        {BACKUP_STATUS[state]}
      </span>
    </>
  );
}

function ProblemActions({ problem }: { problem: Problem }) {
  if (problem.kind === 'full') return <BackupNow />;
  if (problem.kind === 'version') {
    return (
      <button
        type="button"
        class="button button--primary button--small"
        onClick={() => void flushAll().finally(() => location.reload())}
      >
        Reload now
      </button>
    );
  }
  return null;
}

/** A storage problem stays until dismissed; a toast (with Undo, when offered) fades after a while. */
export function Notices() {
  const { problem, warning, toast, clearProblem, showWarning, dismissToast } = useNotices();

  const [held, setHeld] = useState(false);
  useEffect(() => setHeld(false), [toast?.id]);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held, dismissToast]);

  return (
    <>
      {problem && (
        <div class="banner" role="alert" data-testid="problem-banner">
          <p>{problem.message}</p>
          <div class="banner__actions">
            <ProblemActions problem={problem} />
            {problem.kind !== 'full' && (
              <button type="button" class="button button--small" onClick={clearProblem}>
                Dismiss
              </button>
            )}
          </div>
        </div>
      )}
      {warning && !problem && (
        <div class="banner banner--warning" role="status" data-testid="warning-banner">
          <p>{warning.message}</p>
          <div class="banner__actions">
            {warning.kind === 'low-space' && <BackupNow />}
            {warning.kind === 'vanished' && (
              <a class="button button--primary button--small" href={paths.settings()}>
                Restore a backup
              </a>
            )}
            <button type="button" class="button button--small" onClick={() => showWarning(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      <div class="toast-region" role="status" aria-live="polite">
        {toast && (
          <div
            class="toast"
            key={toast.id}
            onMouseEnter={() => setHeld(true)}
            onMouseLeave={() => setHeld(false)}
            onFocusIn={() => setHeld(true)}
            onFocusOut={() => setHeld(false)}
          >
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                class="button button--small"
                onClick={() => {
                  toast.action?.run();
                  dismissToast(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" class="button button--small button--quiet" aria-label="Close message" onClick={() => dismissToast(toast.id)}>
              ×
            </button>
          </div>
        )}
      </div>
    </>
  );
}
