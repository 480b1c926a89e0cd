import { useState } from 'preact/hooks';
import { useAppStatus } from '../../state/app-status';

/** A quiet line about offline readiness, and a clear prompt when an update is waiting. */
export function AppStatusBar() {
  const { offlineReady, online, update } = useAppStatus();
  const [updating, setUpdating] = useState(false);
  return (
    <>
      {update && (
        <div class="update-prompt" role="alert" data-testid="update-prompt">
          <p>A new version is ready.</p>
          <button
            type="button"
            class="button button--primary button--small"
            disabled={updating}
            onClick={() => {
              setUpdating(true);
              void update().catch(() => setUpdating(false));
            }}
          >
            {updating ? 'Updating…' : 'Update'}
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
