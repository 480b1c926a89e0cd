import { useEffect, useMemo, useState } from 'preact/hooks';
import { capabilitySeries, checkinsFor, communitiesOf, groupSeries, type ActionTally, type Point, type Series } from '../../domain/checkins/progress';
import { RATING_LABELS, type CheckinRecord } from '../../domain/records/checkin';
import { readActionTallies, watchCheckins } from '../../state/checkins';
import { useCheckinDeck } from '../checkins/checkin-deck';
import { DESTINATION_FAILED, useDestination } from '../checkins/use-destination';
import { inputValue } from '../logbook/field';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';
import { useLive } from '../shell/use-live';
import { ActionBars } from './action-bars';
import { LineChart } from './line-chart';
import { ProgressTable } from './progress-table';
import '../styles/logbook.css';
import '../styles/progress.css';

/** A capability is one rating, so its cell says the rating in words rather than a number. */
function ratingWords(checkins: readonly CheckinRecord[]) {
  return (point: Point, series: Series) => {
    const rating = checkins.find((c) => c.id === point.checkinId)?.capabilities.find((r) => r.id === series.id)?.rating;
    return rating ? RATING_LABELS[rating] : 'Not rated';
  };
}

/** How a community's check-ins moved over time, group by group and capability by capability, and the actions behind them. */
export function ProgressScreen() {
  const deckId = useCheckinDeck();
  const checkins = useLive(watchCheckins, []);
  const loaded = useDestination(deckId);
  const deck = loaded.state === 'ready' ? loaded.deck : undefined;
  const ofDeck = useMemo(() => (checkins.value ?? []).filter((c) => c.deckId === deckId), [checkins.value, deckId]);
  const communities = useMemo(() => communitiesOf(ofDeck), [ofDeck]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const community = chosen && communities.some((c) => c.toLowerCase() === chosen.toLowerCase()) ? chosen : communities[0];
  const [asTable, setAsTable] = useState(false);
  const [tallies, setTallies] = useState<{ all: ActionTally[]; community: ActionTally[] } | null>(null);
  const [talliesError, setTalliesError] = useState<string | null>(null);
  useEffect(() => {
    if (!community || !deck) return;
    let live = true;
    readActionTallies(deck.id, deck.capabilities, community).then(
      (t) => {
        if (!live) return;
        setTallies(t);
        setTalliesError(null);
      },
      (problem: Error) => live && setTalliesError(problem.message),
    );
    return () => {
      live = false;
    };
  }, [deck, community]);

  const theirs = useMemo(() => (community && deckId ? checkinsFor(ofDeck, community, deckId) : []), [ofDeck, community, deckId]);
  const groups = useMemo(() => (loaded.state === 'ready' && loaded.destination ? groupSeries(loaded.destination.groups, theirs) : []), [loaded, theirs]);
  const capabilities = useMemo(() => capabilitySeries(deck?.capabilities ?? [], theirs), [deck, theirs]);
  const words = useMemo(() => ratingWords(theirs), [theirs]);

  return (
    <section class="screen progress" aria-labelledby="progress-title">
      <p>
        <a href={paths.checkins()}>Where are we now? All check-ins</a>
      </p>
      <h1 id="progress-title">Progress over time</h1>
      <p class="lead">
        How a community’s check-ins moved, on a scale from 0 (not yet) to 3 (this is how we work). A group’s figure is
        the average of its statements rated; “not applicable” is left out.
      </p>
      <ErrorMessage message={checkins.error ?? (loaded.state === 'failed' ? DESTINATION_FAILED : null)} />
      {checkins.value === undefined || (loaded.state === 'loading' && deckId) ? (
        <p class="loading" aria-busy="true">
          Loading…
        </p>
      ) : !community || !deck ? (
        <p class="empty">
          No check-ins yet. <a href={paths.checkins()}>Start a check-in</a> for a community; after the second one, this
          page shows what has moved.
        </p>
      ) : (
        <>
          <div class="progress__controls">
            <div class="field">
              <label class="field__label" for="progress-community">
                Community
              </label>
              <select id="progress-community" value={community} onChange={(e) => setChosen(inputValue(e))}>
                {communities.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <fieldset class="progress__view">
              <legend>Show as</legend>
              <label class="choice">
                <input type="radio" name="progress-view" checked={!asTable} onChange={() => setAsTable(false)} />
                <span>Charts</span>
              </label>
              <label class="choice">
                <input type="radio" name="progress-view" checked={asTable} onChange={() => setAsTable(true)} />
                <span>Tables</span>
              </label>
            </fieldset>
          </div>
          <p>
            {theirs.length} {theirs.length === 1 ? 'check-in' : 'check-ins'} for {community}
            {theirs.length === 1 ? '. Do another later to see what moves.' : '.'}
          </p>
          {groups.length > 0 && (
            <section aria-labelledby="groups-title">
              <h2 id="groups-title">The destination, group by group</h2>
              {asTable ? (
                <ProgressTable caption={`The destination’s groups, ${community}`} series={groups} rowHeader="Group" />
              ) : (
                <div class="chart-grid">
                  {groups.map((s) => (
                    <LineChart key={s.id} series={s} />
                  ))}
                </div>
              )}
            </section>
          )}
          <section aria-labelledby="capabilities-title">
            <h2 id="capabilities-title">The {deck.capabilities.length} capabilities</h2>
            {asTable ? (
              <ProgressTable
                caption={`The capabilities, ${community}`}
                series={capabilities}
                rowHeader="Capability"
                cell={words}
              />
            ) : (
              <div class="chart-grid">
                {capabilities.map((s) => (
                  <LineChart key={s.id} series={s} />
                ))}
              </div>
            )}
          </section>
          <section aria-labelledby="actions-title">
            <h2 id="actions-title">Actions in the logbook</h2>
            <p>Actions agreed in logbook entries on each capability, and how many are done: for entries naming {community}, and for the whole logbook.</p>
            <ErrorMessage message={talliesError} />
            {tallies ? (
              <ActionBars capabilities={deck.capabilities} community={tallies.community} all={tallies.all} communityName={community} asTable={asTable} />
            ) : (
              !talliesError && (
                <p class="loading" aria-busy="true">
                  Loading…
                </p>
              )
            )}
          </section>
        </>
      )}
    </section>
  );
}
