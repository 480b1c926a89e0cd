import { useMemo, useState } from 'preact/hooks';
import { isOverdue, sortOpenActions, today } from '../../domain/logbook/filters';
import type { ActionRecord, ActionStatus, EntryRecord } from '../../domain/logbook/records';
import { updateAction, watchEntries } from '../../state/logbook';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { useLive } from '../shell/use-live';
import { shortDay } from './dates';
import { Field } from './field';

/** Open actions across the logbook, overdue first, each one a click from done. */
export function ActionsScreen() {
  const entries = useLive(watchEntries, []);
  const day = today();
  const { open, entryOf } = useMemo(() => {
    const items = entries.value ?? [];
    const entryOf = new Map<string, EntryRecord>(items.map((i) => [i.entry.id, i.entry]));
    return { open: sortOpenActions(items.flatMap((i) => i.actions), day), entryOf };
  }, [entries.value, day]);
  const overdue = open.filter((a) => isOverdue(a, day)).length;

  return (
    <section class="screen" aria-labelledby="actions-title">
      <h1 id="actions-title">Actions</h1>
      {entries.error && (
        <p class="form-error" role="alert">
          {entries.error}
        </p>
      )}
      {entries.value === undefined ? (
        <p class="loading" aria-busy="true">
          Opening your logbook…
        </p>
      ) : open.length === 0 ? (
        <div class="empty">
          <h2>No open actions</h2>
          <p>
            Actions you agree in a reflection appear here until they are done, with the overdue ones first. Deal a card and
            choose <strong>Reflect on this card</strong> to add some.
          </p>
          <p class="empty__actions">
            <a class="button button--primary" href={paths.deal()}>
              Deal a card
            </a>
            <a class="button" href={paths.logbook()}>
              Open the logbook
            </a>
          </p>
        </div>
      ) : (
        <>
          <p class="lead" role="status">
            {open.length} open {open.length === 1 ? 'action' : 'actions'}
            {overdue > 0 && `, ${overdue} overdue`}
          </p>
          <ul class="action-list">
            {open.map((action) => (
              <ActionItem key={action.id} action={action} entry={entryOf.get(action.entryId)} overdue={isOverdue(action, day)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ActionItem({ action, entry, overdue }: { action: ActionRecord; entry?: EntryRecord; overdue: boolean }) {
  const [completing, setCompleting] = useState(false);
  const [happened, setHappened] = useState(action.followUp.happened);
  const [learned, setLearned] = useState(action.followUp.learned);
  const [error, setError] = useState<string | null>(null);

  const save = async (status: ActionStatus, followUp?: ActionRecord['followUp']) => {
    try {
      setError(null);
      await updateAction(action.id, status, followUp);
      if (status === 'done') useNotices.getState().showToast('Action marked done.');
    } catch (problem) {
      setError((problem as Error).message);
    }
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
          <Field label="What happened?">
            {({ id }) => (
              <textarea id={id} rows={2} value={happened} onInput={(e) => setHappened((e.currentTarget as HTMLTextAreaElement).value)} />
            )}
          </Field>
          <Field label="What did you learn?">
            {({ id }) => (
              <textarea id={id} rows={2} value={learned} onInput={(e) => setLearned((e.currentTarget as HTMLTextAreaElement).value)} />
            )}
          </Field>
          <div class="form-actions">
            <button type="submit" class="button button--primary">
              Save as done
            </button>
            <button type="button" class="button" onClick={() => setCompleting(false)}>
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
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function truncate(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}
