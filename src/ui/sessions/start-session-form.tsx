import { useMemo, useState } from 'preact/hooks';
import { parseTags } from '../../domain/logbook/drafts';
import { distinct, today } from '../../domain/logbook/filters';
import { defaultTitle, KIND_LABELS, SESSION_KINDS, type SessionKind, type SessionRecord } from '../../domain/sessions/records';
import { startSession } from '../../state/sessions';
import { Field, inputValue } from '../logbook/field';
import { paths } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { ErrorMessage } from '../shell/error-message';

const HINTS: Record<SessionKind, string> = {
  supervision: 'A supervisor and a supervisee, one device.',
  workshop: 'A group around a shared screen.',
  personal: 'Just you and the deck.',
};


export function StartSessionForm({ sessions }: { sessions: SessionRecord[] }) {
  const [kind, setKind] = useState<SessionKind>('supervision');
  const [series, setSeries] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today());
  const [participants, setParticipants] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const knownSeries = useMemo(() => distinct(sessions.map((s) => s.series)), [sessions]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const session = await startSession({
        kind,
        series,
        date: date || today(),
        title: title.trim() || defaultTitle(kind, series, date || today()),
        participants: parseTags(participants),
      });
      navigate(paths.session(session.id));
    } catch (problem) {
      setError((problem as Error).message);
      setBusy(false);
    }
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="start-title" noValidate>
      <h2 id="start-title" class="panel__title">
        Start a session
      </h2>
      <fieldset>
        <legend>Kind of session</legend>
        <div class="kind-choices">
          {SESSION_KINDS.map((k) => (
            <label class="choice" key={k}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <strong>{KIND_LABELS[k]}</strong>
                <span class="choice__hint">{HINTS[k]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Series (optional)"
        hint="Use the same name each time, such as “Supervision with A.B.”, and the next session starts by reviewing last time’s open actions."
      >
        {({ id, describedBy }) => (
          <>
            <input id={id} type="text" list="known-series" autocomplete="off" aria-describedby={describedBy} value={series} onInput={(e) => setSeries(inputValue(e))} />
            <datalist id="known-series">
              {knownSeries.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div class="field-row">
        <Field label="Title (optional)" hint="Left blank, the series or the kind and date are used.">
          {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={title} onInput={(e) => setTitle(inputValue(e))} />}
        </Field>
        <Field label="Date">
          {({ id }) => <input id={id} type="date" value={date} onInput={(e) => setDate(inputValue(e))} />}
        </Field>
      </div>
      <Field label="Participants (optional)" hint="Names or initials, separated by commas. You can leave them out of exports.">
        {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={participants} onInput={(e) => setParticipants(inputValue(e))} />}
      </Field>
      <ErrorMessage message={error} />
      <div class="panel__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Start session
        </button>
      </div>
    </form>
  );
}
