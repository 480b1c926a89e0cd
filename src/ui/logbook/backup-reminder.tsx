import { useEffect, useState } from 'preact/hooks';
import { backupStatus, needsReminder, REMIND_AFTER_DAYS } from '../../state/exports';
import { paths } from '../routing/routes';

/** A gentle nudge when many entries, or many days, have passed without a backup. */
export function BackupReminder({ count }: { count: number }) {
  const [due, setDue] = useState(false);
  useEffect(() => {
    let live = true;
    backupStatus()
      .then((status) => live && setDue(needsReminder(status)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [count]);
  if (!due) return null;
  return (
    <div class="notice" data-testid="backup-reminder">
      <p>
        Your logbook has changed since its last backup (or has never had one). A backup every {REMIND_AFTER_DAYS} days or so means a
        lost phone costs you nothing.
      </p>
      <a class="button button--small" href={paths.settings()}>
        Back up in Settings
      </a>
    </div>
  );
}
