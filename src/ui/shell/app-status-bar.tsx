import { useState } from 'preact/hooks';
import { useAppStatus } from '../../state/app-status';

/** A quiet line about offline readiness, and a clear prompt when an update is waiting or has happened elsewhere. */
export function AppStatusBar() {
  const { offlineReady, online, update, outdated } = useAppStatus();
  const [updating, setUpdating] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <>
      {update && !outdated && (
        <div class="update-prompt" role="alert" data-testid="update-prompt">
          <p>{failed ?? 'A new version is ready.'}</p>
          <button
            type="button"
            class="button button--primary button--small"
            disabled={updating}
            onClick={() => {
              setUpdating(true);
              setFailed(null);
              void update().catch((problem: Error) => {
                setUpdating(false);
                setFailed(problem.message);
              });
            }}
          >
            {updating ? 'Updating…' : 'Update'}
          </button>
        </div>
      )}
      {outdated && (
        <div class="update-prompt" role="alert" data-testid="outdated-prompt">
          <p>The app was updated in another tab. Reload this one to carry on; what you have typed is kept.</p>
          <button type="button" class="button button--primary button--small" onClick={outdated}>
            Reload
          </button>
        </div>
      )}
      <p class="app-status" data-testid="app-status">
        {!online ? (
          <span class="app-status__offline">Offline: everything still works, and is saved on this device.</span>
        ) : offlineReady ? (
          'Ready to work offline'
        ) : (
          ''
        )}
      </p>
    </>
  );
}
