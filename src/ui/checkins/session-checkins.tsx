import { formatDate } from '../../domain/dates';
import type { CheckinRecord } from '../../domain/records/checkin';
import { paths } from '../routing/routes';

/** The check-ins done in a session, on its screen; a new one started while it runs joins it. */
export function SessionCheckins({ checkins, running }: { checkins: CheckinRecord[]; running: boolean }) {
  return (
    <>
      {checkins.length === 0 ? (
        <p class="muted">
          {running ? 'A check-in against the destination started while this session runs is listed here.' : 'No check-in was done in this session.'}
        </p>
      ) : (
        <ul class="session-list">
          {checkins.map((c) => (
            <li key={c.id} class="session-list__item" data-testid="session-checkin">
              <a href={paths.checkin(c.id)}>
                {c.community}, {formatDate(c.date)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {running && (
        <p>
          <a href={paths.checkins()}>Start a check-in</a>
        </p>
      )}
    </>
  );
}
