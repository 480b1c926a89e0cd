import { useMemo } from 'preact/hooks';
import { KIND_LABELS, type SessionRecord } from '../../domain/records/session';
import { formatDate } from '../../domain/dates';
import { groupBySeries } from '../../domain/sessions/series';
import { watchSessions } from '../../state/sessions';
import { paths } from '../routing/routes';
import { useLive } from '../shell/use-live';
import { StartSessionForm } from './start-session-form';
import '../styles/logbook.css';
import '../styles/sessions.css';
import { ErrorMessage } from '../shell/error-message';

export const STATUS_TEXT: Record<SessionRecord['status'], string> = {
  active: 'In progress',
  paused: 'Paused',
  ended: 'Ended',
};

export function SessionsScreen() {
  const sessions = useLive(watchSessions, []);
  const groups = useMemo(() => groupBySeries(sessions.value ?? []), [sessions.value]);
  return (
    <section class="screen sessions" aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      <p class="lead">
        A session keeps together the cards you deal, the reflections and notes you write and the actions you agree, so
        everyone can take away a record.
      </p>
      <p>
        <a href={paths.checkins()}>Where are we now?</a> Check in against the destination, and see your progress over time.
      </p>
      <ErrorMessage message={sessions.error} />
      <StartSessionForm sessions={sessions.value ?? []} />
      <h2>Past and current sessions</h2>
      {sessions.value === undefined ? (
        <p class="loading" aria-busy="true">
          Loading…
        </p>
      ) : groups.length === 0 ? (
        <p class="empty">
          No sessions yet. Start one above: cards you deal and entries you write while it runs become part of it. Give
          supervisions a series name, and each one starts with what you agreed last time.
        </p>
      ) : (
        groups.map((group) => (
          <div class="session-group" key={group.series || '~'}>
            <h3 class="session-group__title">{group.series || (groups.length > 1 ? 'Other sessions' : 'Sessions')}</h3>
            <ul class="session-list">
              {group.sessions.map(({ session: s, number }) => (
                <li key={s.id} class="session-list__item" data-testid="session-item">
                  <a href={paths.session(s.id)}>{group.series ? `Session ${number}` : s.title}</a>
                  <span class="session-list__meta">
                    {KIND_LABELS[s.kind]} · {formatDate(s.date)} · {s.cards.length} {s.cards.length === 1 ? 'card' : 'cards'}
                  </span>
                  <span class={`badge badge--${s.status}`}>{STATUS_TEXT[s.status]}</span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
