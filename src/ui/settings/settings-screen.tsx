import { useEffect, useState } from 'preact/hooks';
import { askToKeepStorage, storageInfo, type StorageStatus } from '../../state/logbook';
import { BackupPanel } from './backup-panel';
import { ClearDataPanel } from './clear-data-panel';
import { DeckPanel } from './deck-panel';
import { InstallPanel } from './install-panel';
import { LockPanel } from '../lock/lock-panel';
import { ProfilePanel } from './profile-panel';
import { RestorePanel } from './restore-panel';
import { SharingPanel } from '../sync/sharing-panel';
import { paths } from '../routing/routes';
import { isGuest } from '../../state/guest-flag';
import '../styles/logbook.css';
import '../styles/sessions.css';

/** Where the data lives, whether the browser will keep it, and how much room it takes. */
export function SettingsScreen() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const refresh = () => void storageInfo().then(setStatus);
  useEffect(refresh, []);

  const ask = async () => {
    const answer = await askToKeepStorage();
    setAsked(
      answer
        ? 'Done: the browser will keep your logbook even when the device is short of space.'
        : 'The browser said no for now. Browsers often agree once the app is installed or used regularly; you can ask again later. Exporting a backup keeps your logbook safe either way.',
    );
    refresh();
  };

  return (
    <section class="screen prose" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <h2>Your data</h2>
      <p>
        Your logbook is stored in this browser on this device. Nothing is sent anywhere unless you export it yourself or
        share it (see Devices and sharing below).
      </p>
      {isGuest() ? (
        <p>This is a guest session: everything here is wiped when you leave guest mode.</p>
      ) : (
        <p>
          On a borrowed or shared device? <a href={paths.guest()}>Use the app as a guest</a>.
        </p>
      )}
      {status === null ? (
        <p aria-busy="true">Checking storage…</p>
      ) : (
        <dl class="facts" data-testid="storage-facts">
          <div>
            <dt>Protected from automatic clearing</dt>
            <dd>{status.persisted === null ? 'This browser does not say' : status.persisted ? 'Yes' : 'Not yet'}</dd>
          </div>
          <div>
            <dt>Space used</dt>
            <dd>
              {status.usage === null
                ? 'This browser does not say'
                : `${formatBytes(status.usage)}${status.quota ? ` of about ${formatBytes(status.quota)} available` : ''}`}
            </dd>
          </div>
        </dl>
      )}
      {status && status.persisted === false && (
        <p>
          <button type="button" class="button" onClick={ask}>
            Ask the browser to keep my logbook
          </button>
        </p>
      )}
      {asked && <p role="status">{asked}</p>}
      <LockPanel />
      <ProfilePanel />
      {!isGuest() && <SharingPanel />}
      <InstallPanel />
      <DeckPanel />
      <BackupPanel />
      <RestorePanel />
      <ClearDataPanel />
    </section>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
