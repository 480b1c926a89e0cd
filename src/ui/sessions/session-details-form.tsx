import { useState } from 'preact/hooks';
import { parseTags } from '../../domain/logbook/drafts';
import type { SessionRecord } from '../../domain/records/session';
import { editSessionDetails } from '../../state/sessions';
import { fieldValuesOf, SessionFields } from './session-fields';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';

/** Corrects a session's details after it has started: a misspelt name, the wrong date. */
export function SessionDetailsForm({ session, onDone }: { session: SessionRecord; onDone: () => void }) {
  const [fields, setFields] = useState(() => fieldValuesOf(session));
  const { submit, busy, error } = useSubmit(async () => {
    await editSessionDetails(session.id, { ...fields, participants: parseTags(fields.participants) });
    onDone();
  });

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="details-title" noValidate>
      <h2 id="details-title" class="panel__title">
        Session details
      </h2>
      <SessionFields values={fields} onChange={setFields} />
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
