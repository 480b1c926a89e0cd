import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { shortDay } from '../../domain/dates';
import { STATUS_LABELS, type ActionRecord, type ActionStatus, type FollowUp } from '../../domain/records/action';
import type { EntryRecord } from '../../domain/records/entry';
import { discardDraft, handleFor, openDraft } from '../../state/drafts';
import { updateAction } from '../../state/logbook';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';
import { CalendarButton } from './calendar-button';
import { FollowUpFields, type FollowUpDraft } from './follow-up-fields';
import { useAutosave } from './use-autosave';

export const followUpTarget = (actionId: string) => `followup:${actionId}`;

/** One open action: what, when, whose, and buttons to start, finish (with a follow-up) or drop it. */
export function ActionItem({ action, entry, overdue }: { action: ActionRecord; entry?: EntryRecord; overdue: boolean }) {
  // A follow-up is kept on the device as it is typed, and comes back with its form open if the
  // page closed (or the browser crashed) before it was saved.
  const handle = useMemo(() => handleFor(followUpTarget(action.id)), [action.id]);
  const [recovered, setRecovered] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [followUp, setFollowUp] = useState<FollowUp>(action.followUp);
  /** The version of the action the follow-up was written against. */
  const [base, setBase] = useState<ActionRecord>(action);
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const draft = useMemo<FollowUpDraft>(() => ({ ...followUp, base }), [followUp, base]);
  const autosave = useAutosave(completing ? handle : null, draft, typed);

  const typedRef = useRef(typed);
  typedRef.current = typed;

  useEffect(() => {
    let live = true;
    openDraft<FollowUpDraft>(followUpTarget(action.id))
      .then((opened) => {
        // Typing that started before this answer came is newer than any kept draft.
        if (!live || typedRef.current) return;
        if (opened.draft) {
          const { happened = '', learned = '', base: kept } = opened.draft.value;
          setFollowUp({ happened, learned });
          if (kept) setBase(kept);
          setRecovered(true);
          setCompleting(true);
          setTyped(true);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [action.id]);

  const dropDraft = async () => {
    await autosave.cancel();
    await discardDraft(handle).catch(() => undefined);
  };

  const save = async (status: ActionStatus, withFollowUp?: FollowUp) => {
    try {
      setError(null);
      if (withFollowUp) await autosave.flush();
      await updateAction(action, status, withFollowUp, withFollowUp ? base : undefined);
      if (withFollowUp) await dropDraft();
      if (status === 'done') useNotices.getState().showToast('Action marked done.');
    } catch (problem) {
      setError(`Not saved: ${(problem as Error).message}${withFollowUp ? ' What you wrote is still here on screen.' : ''}`);
    }
  };
  const cancel = () => {
    setCompleting(false);
    setTyped(false);
    setRecovered(false);
    setFollowUp(action.followUp);
    return dropDraft();
  };

  // Done and dropped actions are shown (a review lists what came of each), not worked on here.
  const closed = action.status === 'done' || action.status === 'dropped';
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
      {closed ? (
        <>
          <p class="action-item__meta">
            <strong class={`badge badge--${action.status}`}>{STATUS_LABELS[action.status]}</strong>
          </p>
          {action.followUp.happened.trim() && (
            <p class="action-item__follow-up">
              <span class="action-item__label">What happened:</span> {action.followUp.happened}
            </p>
          )}
          {action.followUp.learned.trim() && (
            <p class="action-item__follow-up">
              <span class="action-item__label">What was learned:</span> {action.followUp.learned}
            </p>
          )}
        </>
      ) : completing ? (
        <form
          class="action-item__complete"
          autocomplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            void save('done', followUp);
          }}
        >
          {recovered && <p class="field__hint">What you had typed here before is back; it is not saved as done until you choose Save as done.</p>}
          <FollowUpFields
            value={followUp}
            onChange={(value) => {
              setFollowUp(value);
              setTyped(true);
            }}
          />
          <div class="form-actions">
            <button type="submit" class="button button--primary">
              Save as done
            </button>
            <button type="button" class="button" onClick={() => void cancel()}>
              Cancel
            </button>
            {autosave.status.state === 'failed' && (
              <span class="autosave autosave--failed" role="status">
                Not kept on this device: {autosave.status.message}
              </span>
            )}
          </div>
        </form>
      ) : (
        <div class="action-item__buttons">
          <button
            type="button"
            class="button button--small"
            onClick={() => {
              setBase(action);
              setFollowUp(action.followUp);
              setCompleting(true);
            }}
          >
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

function truncate(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}
