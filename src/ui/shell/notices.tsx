import { useEffect } from 'preact/hooks';
import { useNotices } from '../../state/notices';

const TOAST_MS = 8000;

/** A storage problem stays until dismissed; a toast (with Undo, when offered) fades after a while. */
export function Notices() {
  const { problem, toast, clearProblem, dismissToast } = useNotices();

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, dismissToast]);

  return (
    <>
      {problem && (
        <div class="banner" role="alert" data-testid="problem-banner">
          <p>{problem.message}</p>
          <button type="button" class="button button--small" onClick={clearProblem}>
            Dismiss
          </button>
        </div>
      )}
      <div class="toast-region" role="status" aria-live="polite">
        {toast && (
          <div class="toast" key={toast.id}>
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
