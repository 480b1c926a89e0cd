import { useRef, useState } from 'preact/hooks';
import type { Deck, Destination } from '../../content/schema';
import { formatDate } from '../../domain/dates';
import type { CheckinRecord, RatedPart } from '../../domain/records/checkin';
import type { SessionRecord } from '../../domain/records/session';
import { deleteCheckin, editCheckinDetails, setCheckinNotes, shareCheckin, watchCheckin } from '../../state/checkins';
import { useNotices } from '../../state/notices';
import { watchSession } from '../../state/sessions';
import { useSync } from '../../state/sync';
import { Field, inputValue } from '../logbook/field';
import { paths } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { DebouncedText } from '../sessions/debounced-text';
import { ErrorMessage } from '../shell/error-message';
import { MessageScreen } from '../shell/message-screen';
import { useLive } from '../shell/use-live';
import { useSubmit } from '../shell/use-submit';
import { RatedItem } from './rated-item';
import { DESTINATION_FAILED, useDestination } from './use-destination';
import '../styles/logbook.css';
import '../styles/sessions.css';
import '../styles/checkins.css';

/** One check-in: every destination statement, then every capability, rated and noted; each choice and each note saved as it is made. */
export function CheckinScreen({ id }: { id: string }) {
  const checkin = useLive<CheckinRecord | undefined>((next, error) => watchCheckin(id, next, error), [id]);
  const loaded = useDestination(checkin.value?.deckId);
  if (checkin.loaded && (!checkin.value || checkin.value.deleted)) {
    return <MessageScreen title="Check-in not found" text="It may have been deleted, or be on another device." link={{ href: paths.checkins(), label: 'Where are we now?' }} />;
  }
  if (checkin.error) return <MessageScreen alert title="The check-in could not be read" text={checkin.error} />;
  if (!checkin.value || loaded.state === 'loading') return <p class="loading" aria-busy="true">Loading…</p>;
  if (loaded.state === 'failed') return <MessageScreen alert title="The destination could not be loaded" text={DESTINATION_FAILED} />;
  return <CheckinForm checkin={checkin.value} deck={loaded.deck} destination={loaded.destination} />;
}

function CheckinForm({ checkin, deck, destination }: { checkin: CheckinRecord; deck: Deck; destination: Destination | undefined }) {
  const session = useLive<SessionRecord | undefined>(
    (next, error) => (checkin.sessionId ? watchSession(checkin.sessionId, next, error) : (next(undefined), () => undefined)),
    [checkin.sessionId],
  );
  const rated = checkin.statements.length + checkin.capabilities.length;
  const total = (destination?.groups.reduce((n, g) => n + g.statements.length, 0) ?? 0) + deck.capabilities.length;
  return (
    <section class="screen checkin" aria-labelledby="checkin-title">
      <p>
        <a href={paths.checkins()}>All check-ins</a>
      </p>
      <h1 id="checkin-title">Where are we now? {checkin.community}</h1>
      <p class="session__meta">
        <span>{formatDate(checkin.date)}</span>
        <span>
          {rated} of {total} rated
        </span>
        {session.value && !session.value.deleted && (
          <span>
            In the session <a href={paths.session(session.value.id)}>{session.value.title}</a>
          </span>
        )}
      </p>
      <p class="lead">Each choice and each note is saved as you make it. Rate what you can; come back to the rest.</p>
      <div class="session__controls">
        <a class="button" href={paths.checkinPrint(checkin.id)}>
          Print or save
        </a>
        <a class="button" href={paths.progress()}>
          Progress over time
        </a>
        <button
          type="button"
          class="button button--danger"
          onClick={() =>
            void deleteCheckin(checkin.id).then(
              () => navigate(paths.checkins()),
              (problem: Error) => useNotices.getState().showProblem({ kind: 'delete', message: `The check-in was not deleted: ${problem.message}` }),
            )
          }
        >
          Delete check-in
        </button>
      </div>
      <DetailsForm checkin={checkin} />
      <ShareWith checkin={checkin} />
      {destination && (
        <>
          <h2>The destination</h2>
          <p class="checkin__question" lang={destination.language}>
            {destination.title}
          </p>
          <p class="checkin__source">
            From “{destination.about.source.title}”, {destination.about.source.publisher}
            {destination.about.source.year ? `, ${destination.about.source.year}` : ''}.
          </p>
        </>
      )}
      <Parts checkin={checkin} deck={deck} destination={destination} />
    </section>
  );
}

interface Part {
  key: string;
  title: string;
  rated: number;
  of: number;
}

/**
 * The destination's groups, then the capabilities, one part at a time: a few statements on a
 * screen is easier to think about (and to use on a phone) than forty at once.
 */
function Parts({ checkin, deck, destination }: { checkin: CheckinRecord; deck: Deck; destination: Destination | undefined }) {
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const ratedOf = (part: RatedPart, ids: string[]) => checkin[part].filter((r) => ids.includes(r.id)).length;
  const groups = destination?.groups ?? [];
  const parts: Part[] = [
    ...groups.map((g) => ({ key: g.id, title: g.name, rated: ratedOf('statements', g.statements.map((s) => s.id)), of: g.statements.length })),
    { key: 'capabilities', title: `The ${deck.capabilities.length} capabilities`, rated: ratedOf('capabilities', deck.capabilities.map((c) => c.id)), of: deck.capabilities.length },
  ];
  const go = (next: number) => {
    setStep(next);
    // The new part's heading, for keyboard and screen-reader users; after the render that shows it.
    requestAnimationFrame(() => heading.current?.focus());
  };
  const group = groups[step];
  const previous = parts[step - 1];
  const next = parts[step + 1];
  return (
    <>
      <nav class="checkin__parts" aria-label="Parts of this check-in">
        <ol>
          {parts.map((part, i) => (
            <li key={part.key}>
              <button type="button" class="button button--small" aria-current={i === step ? 'step' : undefined} onClick={() => go(i)}>
                {part.title} <span class="checkin__count">{part.rated} of {part.of}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {group && destination ? (
        <section class="checkin__group" aria-labelledby="part-title">
          <h3 id="part-title" ref={heading} tabIndex={-1}>
            {group.name}
          </h3>
          <p class="checkin__headline" lang={destination.language}>
            {group.headline}
          </p>
          {group.statements.map((statement) => (
            <RatedItem key={statement.id} checkin={checkin} part="statements" itemId={statement.id} text={statement.text} lang={destination.language} />
          ))}
        </section>
      ) : (
        <>
          <section class="checkin__group" aria-labelledby="part-title">
            <h2 id="part-title" ref={heading} tabIndex={-1}>
              The {deck.capabilities.length} capabilities
            </h2>
            <p class="checkin__headline">How well do we do each of these now?</p>
            {deck.capabilities.map((capability) => (
              <RatedItem
                key={capability.id}
                checkin={checkin}
                part="capabilities"
                itemId={capability.id}
                text={`${capability.number}. ${capability.heading}`}
                lang={deck.language}
                cap={capability.number}
              />
            ))}
          </section>
          <section class="checkin__group" aria-labelledby="notes-title">
            <h2 id="notes-title">Notes</h2>
            <DebouncedText
              id={`checkin:${checkin.id}:notes`}
              label="Anything else about this check-in (optional)"
              stored={checkin.notes}
              version={checkin}
              save={(text, base) => setCheckinNotes(checkin.id, text, base)}
            />
          </section>
        </>
      )}
      <div class="checkin__steps">
        {previous && (
          <button type="button" class="button" onClick={() => go(step - 1)}>
            Previous: {previous.title}
          </button>
        )}
        {next && (
          <button type="button" class="button button--primary" onClick={() => go(step + 1)}>
            Next: {next.title}
          </button>
        )}
      </div>
    </>
  );
}

/** Which team holds this check-in too, if any: saved as soon as it is chosen. */
function ShareWith({ checkin }: { checkin: CheckinRecord }) {
  const teams = useSync((s) => s.spaces).filter((s) => s.kind === 'team' && (s.status !== 'refused' || s.id === checkin.space));
  if (!teams.length && !checkin.space) return null;
  const share = (space: string | undefined) =>
    void shareCheckin(checkin.id, space).catch((problem: Error) =>
      useNotices.getState().showProblem({ kind: 'save', message: `The check-in’s sharing was not changed: ${problem.message}` }),
    );
  return (
    <Field label="Share with" hint="A team sees what is shared with it, on each member’s device. Choosing “Just me” takes it back from them.">
      {({ id, describedBy }) => (
        <select id={id} aria-describedby={describedBy} value={checkin.space ?? ''} onChange={(e) => share(inputValue(e) || undefined)}>
          <option value="">Just me</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
          {checkin.space && !teams.some((t) => t.id === checkin.space) && <option value={checkin.space}>A team this device has left</option>}
        </select>
      )}
    </Field>
  );
}

function DetailsForm({ checkin }: { checkin: CheckinRecord }) {
  const [community, setCommunity] = useState(checkin.community);
  const [date, setDate] = useState(checkin.date);
  const { submit, busy, error } = useSubmit(
    async () => {
      if (!community.trim()) throw new Error('Name the community this check-in is about.');
      await editCheckinDetails(checkin.id, { community, date });
    },
    { stays: true },
  );
  return (
    <details class="disclosure">
      <summary>Change the community or date</summary>
      <form onSubmit={submit} noValidate>
        <div class="field-row">
          <Field label="Community">
            {({ id }) => <input id={id} type="text" maxLength={500} value={community} onInput={(e) => setCommunity(inputValue(e))} />}
          </Field>
          <Field label="Date">
            {({ id }) => <input id={id} type="date" value={date} onInput={(e) => setDate(inputValue(e))} />}
          </Field>
        </div>
        <ErrorMessage message={error} />
        <button type="submit" class="button" disabled={busy}>
          Save these details
        </button>
      </form>
    </details>
  );
}
