import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../domain/dates';
import { backupFile, encryptedBackupFile, backupStatus, logbookCsvFile, logbookMarkdownFile, needsReminder, noteBackupMade, openActionsIcsFile, type BackupStatus } from '../../state/exports';
import { useNotices } from '../../state/notices';
import { saveExport } from '../files/save-export';
import { ErrorMessage } from '../shell/error-message';
import '../styles/lock.css';

/** Backups and whole-logbook exports, with when the last backup was made. */
export function BackupPanel() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const refresh = () =>
    void backupStatus()
      .then(setStatus)
      .catch(() => setStatus(null));
  useEffect(refresh, []);

  // What is being made: a big logbook takes seconds, and a second click would make a second file.
  const [making, setMaking] = useState<string | null>(null);
  const run = async (what: string, work: () => Promise<void>) => {
    if (making) return;
    setMaking(what);
    try {
      await work();
    } catch (problem) {
      useNotices.getState().showProblem({ kind: 'export', message: (problem as Error).message });
    } finally {
      setMaking(null);
    }
  };
  // aria-disabled rather than disabled: the button keeps keyboard focus while the file is made.
  const busy = making ? { 'aria-disabled': true } : {};

  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [refused, setRefused] = useState<string | null>(null);

  const backUp = () => {
    if (encrypt && passphrase.length < 8) return setRefused('Choose a passphrase for the backup of at least 8 characters.');
    if (encrypt && passphrase !== again) return setRefused('The two passphrases for the backup are different. Type the same one twice.');
    setRefused(null);
    return run('your backup', async () => {
      const outcome = await saveExport(encrypt ? encryptedBackupFile(passphrase) : backupFile());
      if (outcome === 'cancelled') return;
      await noteBackupMade();
      useNotices.getState().showToast(
        encrypt
          ? 'Encrypted backup saved. Keep the file somewhere safe, off this device, and remember its passphrase: without it the backup cannot be opened.'
          : 'Backup saved. It is not encrypted: keep the file somewhere safe, off this device.',
      );
      refresh();
    });
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">Backups and exports</h2>
      <p>
        A backup is one file holding your whole logbook and sessions. Keep it somewhere other than this device; if the
        device is lost or reset, restore it here. Importing someone else’s backup merges it with yours.
      </p>
      <p data-testid="last-backup">
        {status === null
          ? ''
          : status.lastBackupAt
            ? `Last backup: ${formatDateTime(status.lastBackupAt)}. ${
                status.changedSince === 0
                  ? 'Nothing has changed since.'
                  : `${status.changedSince} ${status.changedSince === 1 ? 'entry has' : 'entries have'} changed since.`
              }`
            : 'No backup made on this device yet.'}
      </p>
      {status && needsReminder(status) && (
        <p class="notice" role="status">
          It is time for a backup: it keeps your logbook safe if this device is lost.
        </p>
      )}
      <p class="field field--check">
        <label>
          <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt((e.currentTarget as HTMLInputElement).checked)} /> Encrypt the backup with a
          passphrase
        </label>
      </p>
      {encrypt ? (
        <div>
          <div class="field">
            <label class="field__label" for="backup-passphrase">
              Passphrase for this backup
            </label>
            <p class="field__hint" id="backup-passphrase-hint">
              Restoring the backup asks for it. It can differ from the logbook’s lock.
            </p>
            <input id="backup-passphrase" type="password" autocomplete="new-password" aria-describedby="backup-passphrase-hint" value={passphrase} onInput={(e) => setPassphrase((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label class="field__label" for="backup-passphrase-again">
              The same passphrase again
            </label>
            <input id="backup-passphrase-again" type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain((e.currentTarget as HTMLInputElement).value)} />
          </div>
        </div>
      ) : (
        <p class="field__hint">Without a passphrase the backup is not encrypted: anyone who has the file can read it.</p>
      )}
      <ErrorMessage message={refused} />
      <div class="panel__actions">
        <button type="button" class="button button--primary" {...busy} onClick={() => void backUp()}>
          Back up now
        </button>
        <button type="button" class="button" {...busy} onClick={() => void run('the spreadsheet', async () => void (await saveExport(logbookCsvFile())))}>
          Export logbook as spreadsheet (CSV)
        </button>
        <button type="button" class="button" {...busy} onClick={() => void run('the Markdown file', async () => void (await saveExport(logbookMarkdownFile())))}>
          Export logbook as Markdown
        </button>
        <button type="button" class="button" {...busy} onClick={() => void run('the calendar file', async () => void (await saveExport(openActionsIcsFile())))}>
          Add open actions to calendar (.ics)
        </button>
      </div>
      <p role="status" class="panel__status">
        {making ? `Making ${making}… A large logbook takes a few seconds.` : ''}
      </p>
    </section>
  );
}
