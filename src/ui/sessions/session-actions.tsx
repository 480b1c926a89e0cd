import { useState } from 'preact/hooks';
import { shortDay } from '../../domain/dates';
import { draftOf, liveActions } from '../../domain/logbook/compose';
import { emptyAction, emptyDraft } from '../../domain/logbook/drafts';
import { STATUS_LABELS } from '../../domain/records/action';
import type { EntryWithActions } from '../../domain/records/entry';
import { saveEntry } from '../../state/logbook';
import { Field, inputValue } from '../logbook/field';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';

/** An entry that only holds actions agreed in the session: where quick actions are added. */
const holdsOnlyActions = ({ entry }: EntryWithActions) => !entry.card && !entry.reflection.trim() && !entry.notes.trim() && !entry.answers.length;

/** The actions agreed in a session, as what – who – by when, each with its status; and a quick way to add one. */
export function SessionActions({ sessionId, entries, canAdd }: { sessionId: string; entries: EntryWithActions[]; canAdd: boolean }) {
  const rows = entries.flatMap((item) => liveActions(item.actions).map((action) => ({ action, entry: item.entry })));
  const [fields, setFields] = useState({ what: '', owner: '', due: '' });
  const { submit, busy, error } = useSubmit(async () => {
    if (!fields.what.trim()) throw new Error('Say what will be done before adding the action.');
    const holder = entries.find(holdsOnlyActions);
    const base = holder ? draftOf(holder) : { ...emptyDraft(), sessionId };
    await saveEntry({ ...base, actions: [...base.actions, { ...emptyAction(), ...fields }] });
    setFields({ what: '', owner: '', due: '' });
    }, { stays: true });
  return (
    <>
      {rows.length === 0 ? (
        <p class="muted">No actions agreed yet.</p>
      ) : (
        <table class="action-table" data-testid="session-actions">
          <caption class="visually-hidden">Actions agreed in this session</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">By when</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ action, entry }) => (
              <tr key={action.id}>
                <td>
                  <a href={paths.entry(entry.id)}>{action.what || 'Untitled action'}</a>
                </td>
                <td>{action.owner || '—'}</td>
                <td>{action.due ? shortDay(action.due) : '—'}</td>
                <td>{STATUS_LABELS[action.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAdd && (
        <form class="add-action" onSubmit={submit} aria-label="Add an action" noValidate>
          <div class="field-row">
            <Field label="What will be done?">
              {({ id }) => <input id={id} type="text" maxLength={100000} value={fields.what} onInput={(e) => setFields({ ...fields, what: inputValue(e) })} />}
            </Field>
            <Field label="Who?">
              {({ id }) => <input id={id} type="text" maxLength={500} value={fields.owner} onInput={(e) => setFields({ ...fields, owner: inputValue(e) })} />}
            </Field>
            <Field label="By when?">
              {({ id }) => <input id={id} type="date" value={fields.due} onInput={(e) => setFields({ ...fields, due: inputValue(e) })} />}
            </Field>
          </div>
          <ErrorMessage message={error} />
          <button type="submit" class="button" disabled={busy}>
            Add the action
          </button>
        </form>
      )}
    </>
  );
}
