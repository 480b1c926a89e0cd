import { useMemo, useState } from 'preact/hooks';
import { communitiesOf } from '../../domain/checkins/progress';
import { formatDate, today } from '../../domain/dates';
import { distinct } from '../../domain/logbook/filters';
import type { CheckinRecord } from '../../domain/records/checkin';
import { deckSummary } from '../../domain/catalog';
import { useActiveSession } from '../../state/active-session';
import { startCheckin, watchCheckins } from '../../state/checkins';
import { watchIndex } from '../../state/logbook';
import { saveMade } from '../documents/document-actions';
import { Field, inputValue } from '../logbook/field';
import { SuggestedInput } from '../logbook/suggested-input';
import { paths } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { ErrorMessage } from '../shell/error-message';
import { useLive } from '../shell/use-live';
import { useSubmit } from '../shell/use-submit';
import { useCheckinDeck } from './checkin-deck';
import '../styles/logbook.css';
import '../styles/sessions.css';
import '../styles/checkins.css';

/** "Where are we now?": the check-ins done so far, by community, and starting a new one. */
export function CheckinsScreen() {
  const checkins = useLive(watchCheckins, []);
  const byCommunity = useMemo(() => {
    const all = [...(checkins.value ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    return communitiesOf(all).map((community) => ({
      community,
      checkins: all.filter((c) => c.community.trim().toLowerCase() === community.toLowerCase()),
    }));
  }, [checkins.value]);
  return (
    <section class="screen checkins" aria-labelledby="checkins-title">
      <h1 id="checkins-title">Where are we now?</h1>
      <p class="lead">
        A check-in rates how far a community has come towards the destination — how things will work once power has
        shifted — and on each of the ten capabilities. Do one now and again, and see what has moved.
      </p>
      <ErrorMessage message={checkins.error} />
      <StartCheckinForm checkins={checkins.value ?? []} />
      <h2>Check-ins so far</h2>
      {checkins.value === undefined ? (
        <p class="loading" aria-busy="true">
          Loading…
        </p>
      ) : byCommunity.length === 0 ? (
        <p class="empty">
          No check-ins yet. Name the community above and start one: you rate each statement of the destination from
          “not yet” to “this is how we work”, noting what shows it. Do another in a month or two, and{' '}
          <a href={paths.progress()}>Progress</a> shows what has moved.
        </p>
      ) : (
        <>
          <p class="session__controls">
            <a class="button" href={paths.progress()}>
              See progress over time
            </a>
            <button type="button" class="button" onClick={() => void saveMade((e) => e.checkinsCsvFile(), 'Check-ins saved as a spreadsheet.')}>
              Save all check-ins as a spreadsheet (CSV)
            </button>
          </p>
          {byCommunity.map((group) => (
            <div class="session-group" key={group.community}>
              <h3 class="session-group__title">{group.community}</h3>
              <ul class="session-list">
                {group.checkins.map((c) => (
                  <CheckinItem key={c.id} checkin={c} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function CheckinItem({ checkin }: { checkin: CheckinRecord }) {
  const rated = checkin.statements.length + checkin.capabilities.length;
  return (
    <li class="session-list__item" data-testid="checkin-item">
      <a href={paths.checkin(checkin.id)}>{formatDate(checkin.date)}</a>
      <span class="session-list__meta">
        {rated} {rated === 1 ? 'rating' : 'ratings'}
      </span>
    </li>
  );
}

function StartCheckinForm({ checkins }: { checkins: CheckinRecord[] }) {
  const deckId = useCheckinDeck();
  const active = useActiveSession((s) => s.active);
  const [community, setCommunity] = useState('');
  const [date, setDate] = useState(today());
  const index = useLive(watchIndex, []);
  const suggestions = useMemo(
    () => distinct([...communitiesOf(checkins), ...(index.value ?? []).map((i) => i.community)]),
    [checkins, index.value],
  );
  const { submit, busy, error } = useSubmit(async () => {
    if (!deckId) return;
    if (!community.trim()) {
      throw new Error('Name the community this check-in is about.');
    }
    const sessionId = active?.status === 'active' ? active.id : undefined;
    const checkin = await startCheckin({ deckId, community, date: date || today(), ...(sessionId ? { sessionId } : {}) });
    navigate(paths.checkin(checkin.id));
  });
  if (!deckId) return <p class="empty">None of the decks in this app has a destination to check in against.</p>;
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="start-checkin-title" noValidate>
      <h2 id="start-checkin-title" class="panel__title">
        Start a check-in
      </h2>
      <p class="field__hint">Against the destination of {deckSummary(deckId)?.title ?? 'the deck'}.</p>
      <div class="field-row">
        <Field label="Community" hint="The people and place you work with, e.g. a neighbourhood or a group.">
          {({ id, describedBy }) => (
            <SuggestedInput
              id={id}
              listId="checkin-communities"
              describedBy={describedBy}
              value={community}
              suggestions={suggestions}
              onValue={setCommunity}
            />
          )}
        </Field>
        <Field label="Date">
          {({ id, describedBy }) => <input id={id} type="date" required aria-describedby={describedBy} value={date} onInput={(e) => setDate(inputValue(e))} />}
        </Field>
      </div>
      {active?.status === 'active' && <p class="field__hint">It will be part of the running session{active.title && `, “${active.title}”`}.</p>}
      <ErrorMessage message={error} />
      <div class="panel__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Start check-in
        </button>
      </div>
    </form>
  );
}
