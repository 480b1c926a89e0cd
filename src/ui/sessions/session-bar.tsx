import { useActiveSession, withSessions } from '../../state/active-session';
import { useNotices } from '../../state/notices';
import type { Route } from '../routing/routes';
import { paths } from '../routing/routes';

/** Pages that are a document to print: the bar would only be in the way. */
const PRINT_ROUTES: Route['name'][] = ['session-print', 'session-record', 'entry-record', 'print-deck', 'print-destination'];

/** Says, on every screen, that a session is recording, and offers pause, resume and end. */
export function SessionBar({ route }: { route: Route }) {
  const active = useActiveSession((s) => s.active);
  if (!active || PRINT_ROUTES.includes(route.name)) return null;
  const run = (work: (m: typeof import('../../state/sessions')) => Promise<void>) => () =>
    void withSessions(work).catch((problem: Error) =>
      useNotices.getState().showProblem({ kind: 'session', message: problem.message }),
    );
  const recording = active.status === 'active';
  return (
    <div class={`session-bar ${recording ? 'session-bar--active' : ''}`} role="region" aria-label="Current session">
      <p class="session-bar__text">
        <span class="session-bar__dot" aria-hidden="true" />
        {/* Its title is not kept while a lock is set (state/active-session.ts). */}
        <a href={paths.session(active.id)}>{active.title || 'The running session'}</a>
        <span class="session-bar__status">
          {recording ? (
            <>
              {' · recording'}
              <span class="for-wide"> cards and entries</span>
            </>
          ) : (
            ' · paused'
          )}
        </span>
      </p>
      <div class="session-bar__buttons">
        {recording ? (
          <button type="button" class="button button--small" onClick={run((m) => m.pauseSession(active.id))}>
            Pause
          </button>
        ) : (
          <button type="button" class="button button--small" onClick={run((m) => m.resumeSession(active.id))}>
            Resume
          </button>
        )}
        <button type="button" class="button button--small" aria-label="End session" onClick={run((m) => m.endSession(active.id))}>
          End<span class="for-wide"> session</span>
        </button>
      </div>
    </div>
  );
}
