import { useState } from 'preact/hooks';
import { clearAllData } from '../../state/exports';
import { useActiveSession } from '../../state/active-session';
import { useNotices } from '../../state/notices';
import { ErrorMessage } from '../shell/error-message';

/** Deleting everything is possible, but only after saying plainly what it does. */
export function ClearDataPanel() {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clear = async () => {
    try {
      await clearAllData();
      useActiveSession.getState().set(null);
      setConfirming(false);
      useNotices.getState().showToast('Everything was deleted from this device.');
    } catch (problem) {
      setError((problem as Error).message);
    }
  };
  return (
    <section aria-labelledby="clear-title">
      <h2 id="clear-title">Delete all data on this device</h2>
      {!confirming ? (
        <button type="button" class="button button--danger-plain" onClick={() => setConfirming(true)}>
          Delete all data…
        </button>
      ) : (
        <div class="notice notice--danger" role="alert">
          <p>
            This deletes every entry, action, session and draft on this device. It cannot be undone: back up first if you
            might need them.
          </p>
          <div class="panel__actions">
            <button type="button" class="button button--danger-solid" onClick={() => void clear()}>
              Delete everything
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
