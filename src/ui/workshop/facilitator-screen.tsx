import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionRecord } from '../../domain/records/session';
import type { Command, CommandName, PresenterState } from '../../domain/workshop/messages';
import { PRESET_MINUTES } from '../../domain/workshop/timer';
import { formatDate, today } from '../../domain/dates';
import { sectionLabel } from '../../domain/sections';
import { useDealStore } from '../../state/deal-store';
import { openChannel, useWorkshopSession, type Channel } from '../../state/workshop';
import { recordCardIn, resumeSession, setCardNote, startSession, watchSession } from '../../state/sessions';
import { TaskCard } from '../cards/task-card';
import { useCard } from '../cards/use-deck';
import { paths } from '../routing/routes';
import { useKeys } from '../shell/use-keys';
import { useLive } from '../shell/use-live';
import { DebouncedText } from '../sessions/debounced-text';
import { TimerDisplay } from './timer-display';
import { KEY_COMMANDS } from './workshop-keys';
import '../styles/logbook.css';
import '../styles/workshop.css';
import { ErrorMessage } from '../shell/error-message';

const PRESENTER_WINDOW = 'power-shifting-presenter';

/** The laptop's view during a workshop: what is on the wall, what comes next, the timer and the group's notes. */
export function FacilitatorScreen() {
  const deckId = useDealStore((s) => s.deckId);
  const [state, setState] = useState<PresenterState | null>(null);
  const [waited, setWaited] = useState(false);
  const channel = useRef<Channel | null>(null);

  useEffect(() => {
    channel.current = openChannel((message) => {
      if (message.type === 'state') setState(message.state);
      if (message.type === 'bye') setState(null);
    });
    channel.current.post({ type: 'hello' });
    const timer = setTimeout(() => setWaited(true), 1500);
    return () => {
      clearTimeout(timer);
      channel.current?.close();
    };
  }, []);

  const send = (command: CommandName, extra: Omit<Command, 'type' | 'command'> = {}) =>
    channel.current?.post({ type: 'command', command, ...extra });

  const keys: Record<string, () => void> = {};
  for (const [key, command] of Object.entries(KEY_COMMANDS)) keys[key] = () => send(command);
  useKeys(keys, !!state);

  const current = useCard(deckId, state?.cardId ?? undefined).card;
  const upcoming = useCard(deckId, state?.upcomingId ?? undefined).card;

  return (
    <section class="screen facilitator" aria-labelledby="facilitator-title">
      <h1 id="facilitator-title">Facilitator</h1>
      {!state ? (
        <div class="notice" role="status">
          <p>{waited ? 'The presenter view is not open in this browser.' : 'Connecting to the presenter view…'}</p>
          <button
            type="button"
            class="button button--primary"
            onClick={() => window.open(`${location.pathname}${paths.present()}`, PRESENTER_WINDOW)}
          >
            Open the presenter view
          </button>
        </div>
      ) : (
        <div class="facilitator__grid">
          <section aria-labelledby="now-title" class="facilitator__now">
            <h2 id="now-title">On the screen now {state.cardId && `(card ${state.position} of ${state.total})`}</h2>
            {current ? <TaskCard card={current} /> : <p class="muted">No card dealt yet.</p>}
            <div class="facilitator__controls" role="group" aria-label="Card controls">
              <button type="button" class="button" onClick={() => send('previous')}>
                <span aria-hidden="true">←</span> Previous
              </button>
              <button type="button" class="button button--primary" onClick={() => send('next')}>
                {current ? 'Next card' : 'Deal the first card'} <span aria-hidden="true">→</span>
              </button>
              <button type="button" class="button" aria-pressed={state.both} onClick={() => send('toggle-both')}>
                Show both groups
              </button>
              <button type="button" class="button" onClick={() => send('reshuffle')}>
                Reshuffle
              </button>
            </div>
            <p class="facilitator__upcoming" data-testid="upcoming">
              <strong>Next up:</strong>{' '}
              {upcoming ? `${sectionLabel(upcoming.sectionName, upcoming.capability.number)} · ${upcoming.title ? `${upcoming.title}: ` : ''}${upcoming.text}` : 'No more cards in this selection.'}
            </p>
          </section>

          <section aria-labelledby="timer-title" class="facilitator__timer">
            <h2 id="timer-title">Timer</h2>
            <TimerDisplay timer={state.timer} sound={state.sound} speaks={false} />
            <div class="facilitator__controls" role="group" aria-label="Timer controls">
              <button type="button" class="button button--primary" onClick={() => send('timer-toggle')}>
                {state.timer.endsAt !== null ? 'Pause' : 'Start'}
              </button>
              <button type="button" class="button" onClick={() => send('timer-add-minute')}>
                +1 minute
              </button>
              <button type="button" class="button" onClick={() => send('timer-reset')}>
                Reset
              </button>
            </div>
            <div class="facilitator__controls" role="group" aria-label="Timer presets">
              {PRESET_MINUTES.map((m) => (
                <button key={m} type="button" class="button button--small" onClick={() => send('timer-preset', { minutes: m })}>
                  {m} min
                </button>
              ))}
            </div>
            <label class="choice">
              <input type="checkbox" checked={state.sound} onChange={() => send('toggle-sound')} />
              Soft chime when time is up
            </label>
          </section>

          <GroupNotes cardId={state.cardId} noteOnScreen={state.note} send={send} />
        </div>
      )}
    </section>
  );
}

/**
 * What the group says about each card, kept in a workshop session of the facilitator window's
 * own: never in a supervision or personal session that happens to be running or paused.
 */
function GroupNotes({
  cardId,
  noteOnScreen,
  send,
}: {
  cardId: string | null;
  noteOnScreen: string | null;
  send: (command: CommandName, extra?: Omit<Command, 'type' | 'command'>) => void;
}) {
  const ownId = useWorkshopSession((s) => s.sessionId);
  const session = useLive<SessionRecord | undefined>(
    (next, error) => (ownId ? watchSession(ownId, next, error) : (next(undefined), () => undefined)),
    [ownId],
  );
  const [error, setError] = useState<string | null>(null);
  const own = session.value && session.value.kind === 'workshop' && session.value.status !== 'ended' ? session.value : undefined;
  const fail = (problem: Error) => setError(problem.message);
  const start = () =>
    startSession({ kind: 'workshop', title: `Workshop, ${formatDate(today())}`, date: today(), participants: [], series: '' })
      .then((s) => useWorkshopSession.getState().set(s.id))
      .catch(fail);
  const resume = () => own && resumeSession(own.id).catch(fail);
  const text = cardId ? (own?.cardNotes.find((n) => n.cardId === cardId)?.text ?? '') : '';
  // The card on the wall joins the workshop's record from here too: the presenter window learns
  // of a session started here a moment later than of the next card, and might miss one.
  const deckId = useDealStore((s) => s.deckId);
  const recording = own?.status === 'active' ? own.id : null;
  useEffect(() => {
    if (recording && cardId) void recordCardIn(recording, deckId, cardId).catch(fail);
  }, [recording, cardId]);

  return (
    <section aria-labelledby="notes-title" class="facilitator__notes">
      <h2 id="notes-title">What the group says</h2>
      {ownId && !session.loaded ? (
        <p class="loading" aria-busy="true">
          Loading…
        </p>
      ) : !own ? (
        <div>
          <p>Start a workshop session to keep the group’s notes for each card, and take them away at the end.</p>
          <button type="button" class="button button--primary" onClick={() => void start()}>
            Start a workshop session
          </button>
          <ErrorMessage message={error} />
        </div>
      ) : (
        <>
          <p class="facilitator__recording" data-testid="recording-into">
            {own.status === 'active' ? 'Recording into ' : 'Paused: '}
            <a href={paths.session(own.id)} target="_blank" rel="noopener">
              {own.title}
            </a>
            {own.status !== 'active' && (
              <>
                {' '}
                <button type="button" class="button button--small" onClick={() => void resume()}>
                  Resume recording
                </button>
              </>
            )}
          </p>
          {!cardId ? (
            <p class="muted">Deal a card, then note what the group says about it here.</p>
          ) : (
            <>
              <DebouncedText
                key={cardId}
                id={`session:${own.id}:card:${cardId}`}
                label="Notes on this card"
                hint="Saved as you type, in the workshop session. Shown on the shared screen only if you choose."
                rows={8}
                stored={text}
                version={own}
                save={(value, base) => setCardNote(own.id, cardId, value, base)}
              />
              <div class="facilitator__controls">
                {noteOnScreen === null ? (
                  <button type="button" class="button" disabled={!text.trim()} onClick={() => send('show-note', { note: text })}>
                    Show this note on the screen
                  </button>
                ) : (
                  <button type="button" class="button" onClick={() => send('hide-note')}>
                    Hide the note from the screen
                  </button>
                )}
              </div>
            </>
          )}
          <ErrorMessage message={error} />
        </>
      )}
    </section>
  );
}
