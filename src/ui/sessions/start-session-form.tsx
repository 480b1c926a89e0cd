import { useMemo, useState } from 'preact/hooks';
import { parseTags } from '../../domain/logbook/drafts';
import { today } from '../../domain/dates';
import { distinct } from '../../domain/logbook/filters';
import { KIND_LABELS, SESSION_KINDS, type SessionKind, type SessionRecord } from '../../domain/records/session';
import { groupBySeries, nextSessionDraft, seriesKey } from '../../domain/sessions/series';
import { startSession } from '../../state/sessions';
import { Field, inputValue } from '../logbook/field';
import { SessionFields, type SessionFieldValues } from './session-fields';
import { paths } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';

const HINTS: Record<SessionKind, string> = {
  supervision: 'A supervisor and a supervisee, one device.',
  workshop: 'A group around a shared screen.',
  personal: 'Just you and the deck.',
};

export function StartSessionForm({ sessions }: { sessions: SessionRecord[] }) {
  const [kind, setKind] = useState<SessionKind>('supervision');
  const [fields, setFields] = useState<SessionFieldValues>({ series: '', title: '', date: today(), participants: '' });
  const [people, setPeople] = useState({ supervisor: '', supervisee: '' });
  const knownSeries = useMemo(() => distinct(sessions.map((s) => s.series)), [sessions]);
  // A series already used carries on: its people and type come with it unless typed over.
  const carried = useMemo(() => {
    const key = seriesKey(fields.series);
    const latest = key ? groupBySeries(sessions).find((g) => seriesKey(g.series) === key)?.sessions[0]?.session : undefined;
    return latest && nextSessionDraft(latest, fields.date || today());
  }, [sessions, fields.series, fields.date]);

  const { submit, busy, error } = useSubmit(async () => {
    const base = { ...fields, kind, date: fields.date || today(), participants: parseTags(fields.participants) };
    const supervision =
      kind === 'supervision'
        ? {
            supervisionType: carried?.supervisionType ?? 'scheduled',
            time: carried?.time ?? '',
            supervisor: { name: people.supervisor.trim() || (carried?.supervisor?.name ?? ''), role: carried?.supervisor?.role ?? '' },
            supervisee: { name: people.supervisee.trim() || (carried?.supervisee?.name ?? ''), role: carried?.supervisee?.role ?? '' },
          }
        : {};
    const session = await startSession({ ...base, ...supervision });
    navigate(paths.session(session.id));
  });

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
      <SessionFields values={fields} onChange={setFields} knownSeries={knownSeries} />
      {kind === 'supervision' && (
        <div class="field-row">
          <Field label="Supervisor (optional)" {...(carried?.supervisor?.name ? { hint: `Left blank: ${carried.supervisor.name}, as last time.` } : {})}>
            {({ id, describedBy }) => (
              <input id={id} type="text" maxLength={500} aria-describedby={describedBy} value={people.supervisor} onInput={(e) => setPeople({ ...people, supervisor: inputValue(e) })} />
            )}
          </Field>
          <Field label="Supervisee (optional)" {...(carried?.supervisee?.name ? { hint: `Left blank: ${carried.supervisee.name}, as last time.` } : {})}>
            {({ id, describedBy }) => (
              <input id={id} type="text" maxLength={500} aria-describedby={describedBy} value={people.supervisee} onInput={(e) => setPeople({ ...people, supervisee: inputValue(e) })} />
            )}
          </Field>
        </div>
      )}
      <ErrorMessage message={error} />
      <div class="panel__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Start session
        </button>
      </div>
    </form>
  );
}
