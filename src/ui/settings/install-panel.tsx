import { useAppStatus } from '../../state/app-status';
import { InstallHelp, runsInstalled } from '../install/install-help';

/** Installing keeps the app a tap away, offline, and helps the browser keep its storage. */
export function InstallPanel() {
  const { installed } = useAppStatus();
  return (
    <section aria-labelledby="install-title" id="install">
      <h2 id="install-title">Install the app</h2>
      {runsInstalled() || installed ? (
        <p>Power Shifting is installed on this device.</p>
      ) : (
        <>
          <p>
            Installed, Power Shifting opens from your home screen or desktop like any other app, works with no connection, and
            your browser is less likely to clear its storage.
          </p>
          <InstallHelp />
        </>
      )}
      <p class="muted" data-testid="app-version">
        Version {__APP_VERSION__}
      </p>
    </section>
  );
}
