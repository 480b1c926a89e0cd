import { useState } from 'preact/hooks';
import { today } from '../../domain/dates';
import { isOverdue, type OpenActionsPage } from '../../domain/logbook/filters';
import { watchOpenActions } from '../../state/logbook';
import { paths } from '../routing/routes';
import { useLive } from '../shell/use-live';
import { ActionItem } from './action-item';
import { CalendarButton } from './calendar-button';
import '../styles/logbook.css';
import { ErrorMessage } from '../shell/error-message';
import { LogbookLoading } from './logbook-loading';

/** Actions drawn at a time: a merged team logbook can hold tens of thousands of open ones. */
const PAGE = 50;

/** Open actions across the logbook, overdue first, each one a click from done. */
export function ActionsScreen() {
  const [shown, setShown] = useState(PAGE);
  const day = today();
  // Only the page on screen is read: the count comes from the index, not from every entry.
  const page = useLive<OpenActionsPage>((next, error) => watchOpenActions(shown, day, next, error), [shown, day], { keep: true });
  const { items = [], total = 0, overdue = 0, dated = 0 } = page.value ?? {};

  return (
    <section class="screen" aria-labelledby="actions-title">
      <h1 id="actions-title">Actions</h1>
      <ErrorMessage message={page.error} />
      {page.value === undefined ? (
        <LogbookLoading />
      ) : total === 0 ? (
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
              {total} open {total === 1 ? 'action' : 'actions'}
              {overdue > 0 && `, ${overdue} overdue`}
            </p>
            {dated > 0 && <CalendarButton label="Add all dated actions to your calendar" />}
          </div>
          <ul class="action-list">
            {items.map(({ action, entry }) => (
              <ActionItem key={action.id} action={action} entry={entry} overdue={isOverdue(action, day)} />
            ))}
          </ul>
          {total > shown && (
            <button type="button" class="button logbook__more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, total - shown)} more
            </button>
          )}
        </>
      )}
    </section>
  );
}
