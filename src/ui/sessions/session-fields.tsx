import type { SessionRecord } from '../../domain/records/session';
import { Field, inputValue } from '../logbook/field';

/** What a session is called, when it was and who was there, as typed: participants as one line. */
export interface SessionFieldValues {
  series: string;
  title: string;
  date: string;
  participants: string;
}

export function fieldValuesOf(session: SessionRecord): SessionFieldValues {
  return { series: session.series, title: session.title, date: session.date, participants: session.participants.join(', ') };
}

/** The fields of a session's details, the same when starting one and when correcting it later. */
export function SessionFields({
  values,
  onChange,
  knownSeries = [],
}: {
  values: SessionFieldValues;
  onChange: (values: SessionFieldValues) => void;
  knownSeries?: string[];
}) {
  const set = (key: keyof SessionFieldValues) => (event: Event) => onChange({ ...values, [key]: inputValue(event) });
  return (
    <>
      <Field
        label="Series (optional)"
        hint="Use the same name each time, such as “Supervision with A.B.”, and the next session starts by reviewing last time’s open actions."
      >
        {({ id, describedBy }) => (
          <>
            <input id={id} type="text" list="known-series" autocomplete="off" aria-describedby={describedBy} value={values.series} onInput={set('series')} />
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
          {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={values.title} onInput={set('title')} />}
        </Field>
        <Field label="Date">{({ id }) => <input id={id} type="date" value={values.date} onInput={set('date')} />}</Field>
      </div>
      <Field label="Participants (optional)" hint="Names or initials, separated by commas. You can leave them out of exports.">
        {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={values.participants} onInput={set('participants')} />}
      </Field>
    </>
  );
}
