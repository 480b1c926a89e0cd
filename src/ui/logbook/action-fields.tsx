import type { ActionDraft } from '../../domain/logbook/drafts';
import type { ActionStatus } from '../../domain/records/action';
import { Field, inputValue } from './field';
import { StatusOptions } from './select-options';

interface Props {
  action: ActionDraft;
  number: number;
  onChange: (action: ActionDraft) => void;
  onRemove: () => void;
}


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
          <textarea id={id} rows={2} value={action.what} onInput={(e) => set({ what: inputValue(e) })} />
        )}
      </Field>
      <div class="field-row">
        <Field label="Who with, or who owns it?">
          {({ id }) => <input id={id} type="text" value={action.owner} onInput={(e) => set({ owner: inputValue(e) })} />}
        </Field>
        <Field label="By when?">
          {({ id }) => <input id={id} type="date" value={action.due} onInput={(e) => set({ due: inputValue(e) })} />}
        </Field>
        <Field label="Status">
          {({ id }) => (
            <select id={id} value={action.status} onChange={(e) => set({ status: inputValue(e) as ActionStatus })}>
              <StatusOptions />
            </select>
          )}
        </Field>
      </div>
      <details class="follow-up" open={hasFollowUp || action.status === 'done' || action.status === 'dropped'}>
        <summary>Follow-up: what happened and what you learned</summary>
        <Field label="What happened?">
          {({ id }) => (
            <textarea id={id} rows={2} value={action.followUp.happened} onInput={(e) => setFollowUp({ happened: inputValue(e) })} />
          )}
        </Field>
        <Field label="What did you learn?">
          {({ id }) => (
            <textarea id={id} rows={2} value={action.followUp.learned} onInput={(e) => setFollowUp({ learned: inputValue(e) })} />
          )}
        </Field>
      </details>
      <button type="button" class="button button--small button--quiet" onClick={onRemove}>
        Remove action {number}
      </button>
    </fieldset>
  );
}
