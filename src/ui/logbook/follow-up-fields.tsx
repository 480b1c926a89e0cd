import type { ActionRecord, FollowUp } from '../../domain/records/action';
import { MAX_TEXT } from '../../domain/records/fields';
import { Field, inputValue } from './field';

/** A follow-up as a draft: what was typed, and the version of the action it was typed against. */
export interface FollowUpDraft extends FollowUp {
  base?: ActionRecord;
}

/** "What happened?" and "What did you learn?" for an action being marked done. */
export function FollowUpFields({ value, onChange }: { value: FollowUp; onChange: (value: FollowUp) => void }) {
  return (
    <>
      <Field label="What happened?">
        {({ id }) => (
          <textarea id={id} rows={2} maxLength={MAX_TEXT} value={value.happened} onInput={(e) => onChange({ ...value, happened: inputValue(e) })} />
        )}
      </Field>
      <Field label="What did you learn?">
        {({ id }) => (
          <textarea id={id} rows={2} maxLength={MAX_TEXT} value={value.learned} onInput={(e) => onChange({ ...value, learned: inputValue(e) })} />
        )}
      </Field>
    </>
  );
}
