import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatDateTime } from '../../domain/dates';
import type { SessionBundle } from '../../domain/exports/notes-document';
import { confirmationsOf, supervisionRecordText } from '../../domain/exports/professional';
import { PARTIES, SUPERVISION_TYPE_LABELS, SUPERVISION_TYPES, type Party, type SessionRecord, type SupervisionType } from '../../domain/records/session';
import { loadProfile } from '../../state/profile';
import { confirmRecord, editSessionDetails, setSessionText } from '../../state/sessions';
import { Field, inputValue } from '../logbook/field';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';
import { DebouncedText } from './debounced-text';

const PARTY_LABELS: Record<Party, string> = { supervisor: 'Supervisor', supervisee: 'Supervisee' };

function personText(p: { name: string; role: string }): string {
  return [p.name, p.role].filter((s) => s.trim()).join(', ') || 'Not recorded';
}

/** Who was there, when, what kind of supervision, and when the next one is: shown, and corrected in place. */
export function SupervisionDetails({ session }: { session: SessionRecord }) {
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState(() => ({
    supervisor: { ...session.supervisor },
    supervisee: { ...session.supervisee },
    supervisionType: session.supervisionType,
    time: session.time,
    nextDate: session.nextDate,
  }));
  const { submit, busy, error } = useSubmit(async () => {
    await editSessionDetails(session.id, { title: session.title, date: session.date, series: session.series, participants: session.participants, ...fields });
    setEditing(false);
  }, { stays: true });
  const person = (party: Party, part: 'name' | 'role') => (event: Event) =>
    setFields({ ...fields, [party]: { ...fields[party], [part]: inputValue(event) } });

  if (!editing) {
    return (
      <div class="supervision-details">
        <dl data-testid="supervision-details">
          <div>
            <dt>Time</dt>
            <dd>{session.time || 'Not recorded'}</dd>
          </div>
          {PARTIES.map((party) => (
            <div key={party}>
              <dt>{PARTY_LABELS[party]}</dt>
              <dd>{personText(session[party])}</dd>
            </div>
          ))}
          <div>
            <dt>Type</dt>
            <dd>{SUPERVISION_TYPE_LABELS[session.supervisionType]}</dd>
          </div>
          <div>
            <dt>Next session</dt>
            <dd>{session.nextDate ? formatDate(session.nextDate) : 'Not yet agreed'}</dd>
          </div>
        </dl>
        <button
          type="button"
          class="button button--small"
          onClick={() => {
            setFields({ supervisor: { ...session.supervisor }, supervisee: { ...session.supervisee }, supervisionType: session.supervisionType, time: session.time, nextDate: session.nextDate });
            setEditing(true);
          }}
        >
          Edit the supervision details
        </button>
      </div>
    );
  }
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="supervision-details-title" noValidate>
      <h3 id="supervision-details-title">Supervision details</h3>
      {PARTIES.map((party) => (
        <div class="field-row" key={party}>
          <Field label={`${PARTY_LABELS[party]}’s name`}>
            {({ id }) => <input id={id} type="text" maxLength={500} autocomplete="off" value={fields[party].name} onInput={person(party, 'name')} />}
          </Field>
          <Field label={`${PARTY_LABELS[party]}’s role`}>
            {({ id }) => <input id={id} type="text" maxLength={500} value={fields[party].role} onInput={person(party, 'role')} />}
          </Field>
        </div>
      ))}
      <div class="field-row">
        <Field label="Type of supervision">
          {({ id }) => (
            <select id={id} value={fields.supervisionType} onChange={(e) => setFields({ ...fields, supervisionType: inputValue(e) as SupervisionType })}>
              {SUPERVISION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {SUPERVISION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Time">{({ id }) => <input id={id} type="time" value={fields.time} onInput={(e) => setFields({ ...fields, time: inputValue(e) })} />}</Field>
        <Field label="Date of the next session">
          {({ id }) => <input id={id} type="date" value={fields.nextDate} onInput={(e) => setFields({ ...fields, nextDate: inputValue(e) })} />}
        </Field>
      </div>
      <ErrorMessage message={error} />
      <div class="panel__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Save the details
        </button>
        <button type="button" class="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Wellbeing and development: optional parts of a supervision record, closed until wanted. */
export function OptionalSections({ session }: { session: SessionRecord }) {
  return (
    <>
      {(['wellbeing', 'development'] as const).map((field) => (
        <details class="disclosure" key={field} open={!!session[field].trim()}>
          <summary>{field === 'wellbeing' ? 'Wellbeing (optional)' : 'Development (optional)'}</summary>
          <DebouncedText
            id={`session:${session.id}:${field}`}
            label={field === 'wellbeing' ? 'How the supervisee is, and any support agreed' : 'Learning and development discussed'}
            rows={3}
            stored={session[field]}
            version={session}
            save={(text, base) => setSessionText(session.id, field, text, base)}
          />
        </details>
      ))}
    </>
  );
}

/**
 * Agreement by both: each party confirms the record with their name. A confirmation keeps the
 * record as it read, so any change made afterwards is shown, and can be confirmed again.
 */
export function Agreement({ bundle }: { bundle: SessionBundle }) {
  const parties = confirmationsOf(bundle);
  const [names, setNames] = useState<Record<Party, string>>(() => ({ supervisor: bundle.session.supervisor.name, supervisee: bundle.session.supervisee.name }));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Someone confirming on their own device is most likely the person named in Settings.
    void loadProfile().then((profile) => {
      if (!profile.name) return;
      setNames((n) => ({ supervisor: n.supervisor || profile.name, supervisee: n.supervisee || profile.name }));
    });
  }, []);
  const confirm = (party: Party) => {
    setError(null);
    if (!names[party].trim()) {
      setError(`Type the ${party}’s name to confirm.`);
      return;
    }
    confirmRecord(bundle.session.id, party, names[party], supervisionRecordText(bundle)).catch((problem: Error) => setError(problem.message));
  };
  return (
    <div class="agreement" data-testid="agreement">
      {parties.map((p) => (
        <div class="agreement__party" key={p.party}>
          <h3>{p.label}</h3>
          {p.at && (
            <p data-testid={`confirmed-${p.party}`}>
              Confirmed by {p.name} on {formatDateTime(p.at)}.
            </p>
          )}
          {p.at && p.changedSince && (
            <p class="agreement__changed" role="status">
              The record has changed since it was confirmed.
            </p>
          )}
          {(!p.at || p.changedSince) && (
            <div class="agreement__confirm">
              <Field label={`${p.label}’s name`}>
                {({ id }) => (
                  <input id={id} type="text" maxLength={500} value={names[p.party]} onInput={(e) => setNames({ ...names, [p.party]: inputValue(e) })} />
                )}
              </Field>
              <button type="button" class="button button--primary" onClick={() => confirm(p.party)}>
                {p.at ? 'Confirm the changed record' : 'Confirm this record'}
                <span class="visually-hidden"> as the {p.party}</span>
              </button>
            </div>
          )}
        </div>
      ))}
      <ErrorMessage message={error} />
    </div>
  );
}
