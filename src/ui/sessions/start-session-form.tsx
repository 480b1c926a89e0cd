import { useMemo, useState } from 'preact/hooks';
import { parseTags } from '../../domain/logbook/drafts';
import { today } from '../../domain/dates';
import { distinct } from '../../domain/logbook/filters';
import { KIND_LABELS, SESSION_KINDS, type SessionKind, type SessionRecord } from '../../domain/records/session';
import { startSession } from '../../state/sessions';
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
  const knownSeries = useMemo(() => distinct(sessions.map((s) => s.series)), [sessions]);

  const { submit, busy, error } = useSubmit(async () => {
    const session = await startSession({ ...fields, kind, date: fields.date || today(), participants: parseTags(fields.participants) });
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
      <ErrorMessage message={error} />
      <div class="panel__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Start session
        </button>
      </div>
    </form>
  );
}
