import { useAppStatus } from '../../state/app-status';

/** Installing keeps the app a tap away, offline, and helps the browser keep its storage. */
export function InstallPanel() {
  const { install, installed } = useAppStatus();
  const standalone = typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
  return (
    <section aria-labelledby="install-title">
      <h2 id="install-title">Install the app</h2>
      {standalone || installed ? (
        <p>Power Shifting is installed on this device.</p>
      ) : (
        <>
          <p>
            Installed, Power Shifting opens from your home screen or desktop like any other app, works with no connection, and
            your browser is less likely to clear its storage.
          </p>
          {install && (
            <p>
              <button type="button" class="button button--primary" onClick={() => void install()}>
                Install app
              </button>
            </p>
          )}
          <p>
            <strong>On iPhone or iPad:</strong> open this page in Safari, tap the Share button, then choose{' '}
            <strong>Add to Home Screen</strong>.
          </p>
        </>
      )}
      <p class="muted" data-testid="app-version">
        Version {__APP_VERSION__}
      </p>
    </section>
  );
}
