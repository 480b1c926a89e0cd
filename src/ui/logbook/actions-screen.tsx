import { useMemo, useState } from 'preact/hooks';
import { isOverdue, sortOpenActions, today } from '../../domain/logbook/filters';
import type { EntryRecord } from '../../domain/logbook/records';
import { watchEntries } from '../../state/logbook';
import { paths } from '../routing/routes';
import { useLive } from '../shell/use-live';
import { ActionItem } from './action-item';
import { CalendarButton } from './calendar-button';
import '../styles/logbook.css';
import { ErrorMessage } from '../shell/error-message';

/** Actions drawn at a time: a merged team logbook can hold tens of thousands of open ones. */
const PAGE = 50;

/** Open actions across the logbook, overdue first, each one a click from done. */
export function ActionsScreen() {
  const entries = useLive(watchEntries, []);
  const [shown, setShown] = useState(PAGE);
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
      <ErrorMessage message={entries.error} />
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
          <div class="screen__head">
            <p class="lead" role="status">
              {open.length} open {open.length === 1 ? 'action' : 'actions'}
              {overdue > 0 && `, ${overdue} overdue`}
            </p>
            {open.some((a) => a.due) && <CalendarButton label="Add all dated actions to your calendar" />}
          </div>
          <ul class="action-list">
            {open.slice(0, shown).map((action) => (
              <ActionItem key={action.id} action={action} entry={entryOf.get(action.entryId)} overdue={isOverdue(action, day)} />
            ))}
          </ul>
          {open.length > shown && (
            <button type="button" class="button logbook__more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, open.length - shown)} more
            </button>
          )}
        </>
      )}
    </section>
  );
}
