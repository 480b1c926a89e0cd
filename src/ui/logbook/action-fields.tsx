import type { ActionDraft } from '../../domain/logbook/drafts';
import { ACTION_STATUSES, STATUS_LABELS, type ActionStatus } from '../../domain/logbook/records';
import { Field } from './field';

interface Props {
  action: ActionDraft;
  number: number;
  onChange: (action: ActionDraft) => void;
  onRemove: () => void;
}

const value = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/** One agreed action: what, who owns it, by when, its status, and later its follow-up. */
export function ActionFields({ action, number, onChange, onRemove }: Props) {
  const set = (change: Partial<ActionDraft>) => onChange({ ...action, ...change });
  const setFollowUp = (change: Partial<ActionDraft['followUp']>) =>
    onChange({ ...action, followUp: { ...action.followUp, ...change } });
  const hasFollowUp = !!(action.followUp.happened || action.followUp.learned);
  return (
    <fieldset class="action-fields" data-testid="action-fields">
      <legend>Action {number}</legend>
      <Field label="What will you do?">
        {({ id }) => (
          <textarea id={id} rows={2} value={action.what} onInput={(e) => set({ what: value(e) })} />
        )}
      </Field>
      <div class="field-row">
        <Field label="Who with, or who owns it?">
          {({ id }) => <input id={id} type="text" value={action.owner} onInput={(e) => set({ owner: value(e) })} />}
        </Field>
        <Field label="By when?">
          {({ id }) => <input id={id} type="date" value={action.due} onInput={(e) => set({ due: value(e) })} />}
        </Field>
        <Field label="Status">
          {({ id }) => (
            <select id={id} value={action.status} onChange={(e) => set({ status: value(e) as ActionStatus })}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <details class="follow-up" open={hasFollowUp || action.status === 'done' || action.status === 'dropped'}>
        <summary>Follow-up: what happened and what you learned</summary>
        <Field label="What happened?">
          {({ id }) => (
            <textarea id={id} rows={2} value={action.followUp.happened} onInput={(e) => setFollowUp({ happened: value(e) })} />
          )}
        </Field>
        <Field label="What did you learn?">
          {({ id }) => (
            <textarea id={id} rows={2} value={action.followUp.learned} onInput={(e) => setFollowUp({ learned: value(e) })} />
          )}
        </Field>
      </details>
      <button type="button" class="button button--small button--quiet" onClick={onRemove}>
        Remove action {number}
      </button>
    </fieldset>
  );
}
