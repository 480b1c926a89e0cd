import { useState } from 'preact/hooks';
import { parseTags } from '../../domain/logbook/drafts';
import type { SessionRecord } from '../../domain/sessions/records';
import { editSessionDetails } from '../../state/sessions';
import { Field, inputValue } from '../logbook/field';
import { ErrorMessage } from '../shell/error-message';

/** Corrects a session's details after it has started: a misspelt name, the wrong date. */
export function SessionDetailsForm({ session, onDone }: { session: SessionRecord; onDone: () => void }) {
  const [title, setTitle] = useState(session.title);
  const [date, setDate] = useState(session.date);
  const [series, setSeries] = useState(session.series);
  const [participants, setParticipants] = useState(session.participants.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await editSessionDetails(session.id, { title, date, series, participants: parseTags(participants) });
      onDone();
    } catch (problem) {
      setError((problem as Error).message);
      setBusy(false);
    }
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="details-title" noValidate>
      <h2 id="details-title" class="panel__title">
        Session details
      </h2>
      <div class="field-row">
        <Field label="Title" hint="Left blank, the series or the kind and date are used.">
          {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={title} onInput={(e) => setTitle(inputValue(e))} />}
        </Field>
        <Field label="Date">{({ id }) => <input id={id} type="date" value={date} onInput={(e) => setDate(inputValue(e))} />}</Field>
      </div>
      <Field label="Series (optional)" hint="Sessions with the same series review each other’s open actions.">
        {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={series} onInput={(e) => setSeries(inputValue(e))} />}
      </Field>
      <Field label="Participants (optional)" hint="Names or initials, separated by commas.">
        {({ id, describedBy }) => (
          <input id={id} type="text" aria-describedby={describedBy} value={participants} onInput={(e) => setParticipants(inputValue(e))} />
        )}
      </Field>
      <ErrorMessage message={error} />
      <div class="panel__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Save details
        </button>
        <button type="button" class="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
