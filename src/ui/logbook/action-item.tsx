import { useMemo, useState } from 'preact/hooks';
import type { ActionStatus, ActionRecord, EntryRecord, FollowUp } from '../../domain/logbook/records';
import { updateAction } from '../../state/logbook';
import { clearPending, keepPending, readPending } from '../../state/pending-text';
import { useDebouncedSave } from '../shell/use-debounced-save';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { shortDay } from './dates';
import { CalendarButton } from './calendar-button';
import { Field } from './field';
import { ErrorMessage } from '../shell/error-message';

/** One open action: what, when, whose, and buttons to start, finish (with a follow-up) or drop it. */
export function ActionItem({ action, entry, overdue }: { action: ActionRecord; entry?: EntryRecord; overdue: boolean }) {
  // A follow-up typed but not yet saved is kept on the device as it is typed, and comes back
  // with its form open if the page closed first.
  const copyKey = `followup:${action.id}`;
  const [recovered] = useState(() => recoveredFollowUp(copyKey));
  const [completing, setCompleting] = useState(recovered !== undefined);
  const [happened, setHappened] = useState(recovered?.happened ?? action.followUp.happened);
  const [learned, setLearned] = useState(recovered?.learned ?? action.followUp.learned);
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const followUp = useMemo(() => ({ happened, learned }), [happened, learned]);
  const keepCopy = (value: FollowUp) => keepPending(copyKey, value);
  const copy = useDebouncedSave(completing ? followUp : null, typed, async (value) => keepCopy(value), keepCopy);
  const dropCopy = async () => {
    await copy.cancel();
    clearPending(copyKey);
  };

  const save = async (status: ActionStatus, followUp?: FollowUp) => {
    try {
      setError(null);
      await updateAction(action, status, followUp);
      if (followUp) await dropCopy();
      if (status === 'done') useNotices.getState().showToast('Action marked done.');
    } catch (problem) {
      setError((problem as Error).message);
    }
  };
  const type = (change: () => void) => {
    change();
    setTyped(true);
  };
  const cancel = () => {
    setCompleting(false);
    setTyped(false);
    return dropCopy();
  };

  return (
    <li class={`action-item ${overdue ? 'action-item--overdue' : ''}`} data-testid="action-item">
      <p class="action-item__what">{action.what || 'Untitled action'}</p>
      <p class="action-item__meta">
        {overdue && <strong class="badge badge--overdue">Overdue</strong>}
        {action.due ? ` Due ${shortDay(action.due)}` : ' No date set'}
        {action.owner && ` · ${action.owner}`}
        {entry && (
          <>
            {' · '}
            <a href={paths.entry(entry.id)}>{entry.card ? `From: ${truncate(entry.card.text)}` : 'From a free note'}</a>
          </>
        )}
      </p>
      {completing ? (
        <form
          class="action-item__complete"
          onSubmit={(e) => {
            e.preventDefault();
            void save('done', { happened, learned });
          }}
        >
          {recovered && <p class="field__hint">What you had typed here before the page closed is back; it is not saved until you choose Save as done.</p>}
          <Field label="What happened?">
            {({ id }) => (
              <textarea id={id} rows={2} value={happened} onInput={(e) => type(() => setHappened((e.currentTarget as HTMLTextAreaElement).value))} />
            )}
          </Field>
          <Field label="What did you learn?">
            {({ id }) => (
              <textarea id={id} rows={2} value={learned} onInput={(e) => type(() => setLearned((e.currentTarget as HTMLTextAreaElement).value))} />
            )}
          </Field>
          <div class="form-actions">
            <button type="submit" class="button button--primary">
              Save as done
            </button>
            <button type="button" class="button" onClick={() => void cancel()}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="action-item__buttons">
          <button type="button" class="button button--small" onClick={() => setCompleting(true)}>
            Mark done<span class="visually-hidden">: {action.what}</span>
          </button>
          {action.status === 'planned' ? (
            <button type="button" class="button button--small" onClick={() => void save('doing')}>
              Start<span class="visually-hidden">: {action.what}</span>
            </button>
          ) : (
            <span class="badge">Doing</span>
          )}
          <button type="button" class="button button--small button--quiet" onClick={() => void save('dropped')}>
            Drop<span class="visually-hidden">: {action.what}</span>
          </button>
          {action.due && <CalendarButton action={action} entry={entry} label="Add to calendar" small />}
        </div>
      )}
      <ErrorMessage message={error} />
    </li>
  );
}

function recoveredFollowUp(key: string): FollowUp | undefined {
  const value = readPending<Partial<FollowUp>>(key)?.value;
  return value && typeof value.happened === 'string' && typeof value.learned === 'string' ? { happened: value.happened, learned: value.learned } : undefined;
}

function truncate(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}
