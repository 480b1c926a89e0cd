import { useEffect, useState } from 'preact/hooks';
import { backupStatus, remindNow, snoozeBackupReminder, SNOOZE_DAYS } from '../../state/exports';
import { paths } from '../routing/routes';

/** A gentle nudge when many entries, or many days, have passed without a backup; it can wait a week. */
export function BackupReminder({ count }: { count: number }) {
  const [due, setDue] = useState(false);
  useEffect(() => {
    let live = true;
    backupStatus()
      .then((status) => live && setDue(remindNow(status)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [count]);
  if (!due) return null;
  return (
    <div class="notice notice--compact" data-testid="backup-reminder">
      <p>Not backed up lately: a backup means a lost phone costs you nothing.</p>
      <div class="notice__actions">
        <a class="button button--small" href={paths.settings()}>
          Back up
        </a>
        <button
          type="button"
          class="button button--small button--quiet"
          onClick={() => {
            setDue(false);
            // Resting the reminder is a nicety: if it cannot be kept, it simply shows again next time.
            void snoozeBackupReminder().catch(() => undefined);
          }}
        >
          Remind me in {SNOOZE_DAYS} days
        </button>
      </div>
    </div>
  );
}
