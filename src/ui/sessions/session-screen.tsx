import { useRef, useState } from 'preact/hooks';
import { formatDate, today } from '../../domain/dates';
import { KIND_LABELS } from '../../domain/records/session';
import { endSession, pauseSession, resumeSession, setCardNote, setSessionNotes, startNextSession } from '../../state/sessions';
import { titleInSeries } from '../../domain/sessions/series';
import { navigate } from '../routing/use-route';
import { SessionActions } from './session-actions';
import { Agreement, OptionalSections, SupervisionDetails } from './supervision';
import { useNotices } from '../../state/notices';
import { capabilityColour } from '../cards/capability-colour';
import { ActionItem } from '../logbook/action-item';
import { EntrySummary } from '../logbook/entry-summary';
import { deleteEntry } from '../../state/logbook';
import { isOverdue } from '../../domain/logbook/filters';
import { paths } from '../routing/routes';
import { DebouncedText } from './debounced-text';
import { SessionCheckins } from '../checkins/session-checkins';
import { SessionDetailsForm } from './session-details-form';
import { SessionExport } from './session-export';
import { STATUS_TEXT } from './sessions-screen';
import { useSessionBundle } from './use-session-bundle';
import { deckSummary } from '../../domain/catalog';
import { snapshotFor, snapshotSection, snapshotWords } from '../../domain/logbook/card-snapshot';
import '../styles/logbook.css';
import '../styles/sessions.css';
import { ErrorMessage } from '../shell/error-message';
import { MessageScreen } from '../shell/message-screen';
import { ShareSeries } from '../sync/share-series';

export function SessionScreen({ id }: { id: string }) {
  const { bundle, previous, missing, error } = useSessionBundle(id);
  const [starting, setStarting] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  if (missing) {
    return (
      <MessageScreen title="Session not found" text="It may have been deleted, or be on another device." link={{ href: paths.sessions(), label: 'All sessions' }} />
    );
  }
  if (!bundle) {
    return error ? (
      <ErrorMessage message={error} />
    ) : (
      <p class="loading" aria-busy="true">
        Loading…
      </p>
    );
  }

  const { session } = bundle;
  const act = (work: (id: string) => Promise<void>) => () =>
    work(session.id).catch((problem: Error) => useNotices.getState().showProblem({ kind: 'session', message: problem.message }));
  const day = today();
  const supervision = session.kind === 'supervision';
  const startNext = () => {
    setStarting(true);
    startNextSession(session)
      .then((next) => navigate(paths.session(next.id)))
      .catch((problem: Error) => useNotices.getState().showProblem({ kind: 'session', message: problem.message }))
      .finally(() => setStarting(false));
  };

  return (
    <section class="screen session" aria-labelledby="session-title">
      <div class="screen__head">
        <h1 id="session-title">{titleInSeries(session, bundle.number)}</h1>
        <span class={`badge badge--${session.status}`} data-testid="session-status">
          {STATUS_TEXT[session.status]}
        </span>
      </div>
      <p class="session__meta">
        <span data-testid="session-details">
          {KIND_LABELS[session.kind]} · {formatDate(session.date)}
          {session.series && ` · Series: ${session.series}, session ${bundle.number}`}
          {session.participants.length > 0 && ` · With ${session.participants.join(', ')}`}
        </span>
        {!editing && (
          <button type="button" class="button button--small" ref={editButton} onClick={() => setEditing(true)}>
            Edit details
          </button>
        )}
      </p>
      {editing && (
        <SessionDetailsForm
          session={session}
          onDone={() => {
            setEditing(false);
            // Back to where the user started, once the button is drawn again.
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      )}

      {supervision && <SupervisionDetails session={session} />}
      {supervision && session.series.trim() && <ShareSeries series={session.series} />}

      <div class="session__controls" role="group" aria-label="Session controls">
        {session.status === 'active' && (
          <>
            <a class="button button--primary" href={paths.deal()}>
              Deal a card
            </a>
            <a class="button" href={paths.newEntry()}>
              Write a note
            </a>
            <button type="button" class="button" onClick={act(pauseSession)}>
              Pause
            </button>
            <button type="button" class="button" onClick={act(endSession)}>
              End session
            </button>
          </>
        )}
        {session.status === 'paused' && (
          <>
            <button type="button" class="button button--primary" onClick={act(resumeSession)}>
              Resume
            </button>
            <button type="button" class="button" onClick={act(endSession)}>
              End session
            </button>
          </>
        )}
        {session.status === 'ended' && (
          <>
            {session.series.trim() && (
              <button type="button" class="button button--primary" disabled={starting} onClick={startNext}>
                Start the next session
              </button>
            )}
            <button type="button" class="button" onClick={act(resumeSession)}>
              Reopen session
            </button>
          </>
        )}
      </div>
      {session.status !== 'active' && (
        <p class="muted">
          {session.status === 'paused'
            ? 'Paused: cards you deal and entries you write are not added to this session until you resume it.'
            : 'This session has ended. Reopen it to add more cards or entries.'}
        </p>
      )}

      {previous && (
        <section class="session__section" aria-labelledby="review-title">
          <h2 id="review-title">Last time</h2>
          <p class="muted">
            <a href={paths.session(previous.id)}>{previous.title}</a>, {formatDate(previous.date)}
          </p>
          {previous.notes.trim() && (
            <div class="last-notes" data-testid="last-notes">
              <h3>Notes from last time</h3>
              <p class="pre-line">{previous.notes}</p>
            </div>
          )}
          <h3>Actions from last time</h3>
          {bundle.review.length === 0 ? (
            <p>No actions were agreed last time, and none are left open from before.</p>
          ) : (
            <>
              <p class="muted">Each action agreed last time, and any still open from earlier sessions: mark what came of it.</p>
              <ul class="action-list" data-testid="review-list">
                {bundle.review.map(({ action, entry }) => (
                  <ActionItem key={action.id} action={action} entry={entry} overdue={isOverdue(action, day)} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section class="session__section" aria-labelledby="cards-title">
        <h2 id="cards-title">Cards dealt</h2>
        {bundle.cards.length === 0 ? (
          <p class="muted">
            {session.status === 'active'
              ? 'Cards you deal now are recorded here.'
              : 'No cards were dealt in this session.'}
          </p>
        ) : (
          <ol class="session-cards">
            {bundle.cards.map(({ cardId, card }) => (
              <li key={cardId} class="session-cards__item" data-cap={card ? capabilityColour(card.capabilityNumber) : undefined}>
                {card ? (
                  <p>
                    <span class="muted">{[deckSummary(card.deckId)?.title, snapshotSection(card), snapshotFor(card)].filter(Boolean).join(' · ')}</span>
                    <br />
                    <a href={paths.card(cardId)}>{snapshotWords(card)}</a>
                  </p>
                ) : (
                  <p>{cardId} (card no longer in the deck)</p>
                )}
                <DebouncedText
                  id={`session:${session.id}:card:${cardId}`}
                  label="Notes on this card"
                  rows={2}
                  stored={session.cardNotes.find((n) => n.cardId === cardId)?.text ?? ''}
                  version={session}
                  save={(text, base) => setCardNote(session.id, cardId, text, base)}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section class="session__section" aria-labelledby="entries-title">
        <h2 id="entries-title">Reflections and actions</h2>
        {bundle.entries.length === 0 ? (
          <p class="muted">
            {session.status === 'active'
              ? 'Reflections and notes you write while this session runs appear here, with their actions.'
              : 'Nothing was written in this session.'}
          </p>
        ) : (
          bundle.entries.map((item) => (
            <EntrySummary
              key={item.entry.id}
              item={item}
              onDelete={() =>
                deleteEntry(item.entry.id).catch((problem: Error) =>
                  useNotices.getState().showProblem({ kind: 'delete', message: problem.message }),
                )
              }
            />
          ))
        )}
      </section>

      <section class="session__section" aria-labelledby="checkins-title">
        <h2 id="checkins-title">Where are we now?</h2>
        <SessionCheckins checkins={bundle.checkins ?? []} running={session.status === 'active'} />
      </section>

      <section class="session__section" aria-labelledby="agreed-title">
        <h2 id="agreed-title">Actions agreed</h2>
        <SessionActions sessionId={session.id} entries={bundle.entries} canAdd={session.status !== 'ended'} />
      </section>

      <section class="session__section" aria-labelledby="notes-title">
        <h2 id="notes-title">Session notes</h2>
        <DebouncedText
          id={`session:${session.id}:notes`}
          label="Notes for the whole session"
          stored={session.notes}
          version={session}
          save={(text, base) => setSessionNotes(session.id, text, base)}
        />
        {supervision && <OptionalSections session={session} />}
      </section>

      {supervision && (
        <section class="session__section" aria-labelledby="agreement-title">
          <h2 id="agreement-title">Agreement</h2>
          <p class="muted">
            Both of you confirm the record as it reads, each on your own device or here together. Keep a copy each:{' '}
            <a href={paths.sessionRecord(session.id)}>the supervision record</a> prints, saves as a document or copies into an email.
          </p>
          <Agreement bundle={bundle} />
        </section>
      )}

      <SessionExport bundle={bundle} />
    </section>
  );
}
