import { useMemo, useState } from 'preact/hooks';
import { byNewest, distinct, groupByDay, isFiltering, matches, NO_FILTER, queryTerms, type LogbookFilter } from '../../domain/logbook/filters';
import { deckById, useDealStore } from '../../state/deal-store';
import { deleteEntry, watchDrafts, watchEntries } from '../../state/logbook';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { useLive } from '../shell/use-live';
import { dayLabel } from './dates';
import { EntrySummary } from './entry-summary';
import { BackupReminder } from './backup-reminder';
import { LogbookFilters } from './logbook-filters';
import '../styles/logbook.css';

const PAGE = 50;

export function LogbookScreen() {
  const deck = deckById(useDealStore((s) => s.deckId));
  const entries = useLive(watchEntries, []);
  const drafts = useLive(watchDrafts, []);
  const [filter, setFilter] = useState<LogbookFilter>(NO_FILTER);
  const [shown, setShown] = useState(PAGE);

  const all = useMemo(() => [...(entries.value ?? [])].sort(byNewest), [entries.value]);
  const tags = useMemo(() => distinct(all.flatMap((i) => i.entry.tags)), [all]);
  const found = useMemo(() => {
    const terms = queryTerms(filter.query);
    return all.filter((item) => matches(item, filter, terms));
  }, [all, filter]);
  const groups = useMemo(() => groupByDay(found.slice(0, shown)), [found, shown]);
  const unsaved = (drafts.value ?? []).filter((d) => d.key.startsWith('new:') || d.key.startsWith('edit:'));

  const remove = (id: string) => {
    deleteEntry(id).catch((problem: Error) => useNotices.getState().showProblem({ kind: 'delete', message: problem.message }));
  };

  return (
    <section class="screen logbook" aria-labelledby="logbook-title">
      <div class="screen__head">
        <h1 id="logbook-title">Logbook</h1>
        <div class="screen__head-actions">
          <a class="button" href={paths.newEntry()}>
            Write a free note
          </a>
          <a class="button button--primary" href={paths.deal()}>
            Deal a card
          </a>
        </div>
      </div>

      {entries.error && (
        <p class="form-error" role="alert">
          {entries.error}
        </p>
      )}

      <BackupReminder count={all.length} />

      {unsaved.length > 0 && (
        <div class="notice" data-testid="drafts-notice">
          <p>
            You have {unsaved.length === 1 ? 'an unsaved draft' : `${unsaved.length} unsaved drafts`}, kept on this device:
          </p>
          <ul class="drafts">
            {unsaved.map((d) => (
              <li key={d.key}>
                <a href={draftHref(d.key)}>{draftTitle(d.draft.card?.text, d.draft.reflection || d.draft.notes)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {entries.value === undefined ? (
        <p class="loading" aria-busy="true">
          Opening your logbook…
        </p>
      ) : all.length === 0 ? (
        <div class="empty">
          <h2>Your logbook is empty</h2>
          <p>
            Deal a card, talk it through, then choose <strong>Reflect on this card</strong> to note what it means for your
            community and the actions you will take. Or write a free note.
          </p>
          <p class="empty__actions">
            <a class="button button--primary" href={paths.deal()}>
              Deal a card
            </a>
            <a class="button" href={paths.newEntry()}>
              Write a free note
            </a>
          </p>
        </div>
      ) : (
        <>
          <LogbookFilters deck={deck} tags={tags} filter={filter} onChange={(f) => (setFilter(f), setShown(PAGE))} />
          <p class="logbook__count" role="status">
            {isFiltering(filter)
              ? `${found.length} of ${all.length} ${all.length === 1 ? 'entry' : 'entries'} match`
              : `${all.length} ${all.length === 1 ? 'entry' : 'entries'}`}
          </p>
          {found.length === 0 ? (
            <div class="empty">
              <p>No entries match. Try fewer words, or clear the filters.</p>
              <button type="button" class="button" onClick={() => setFilter(NO_FILTER)}>
                Clear search and filters
              </button>
            </div>
          ) : (
            groups.map((group) => (
              <section key={group.day} class="day" aria-labelledby={`day-${group.day}`}>
                <h2 class="day__title" id={`day-${group.day}`}>
                  {dayLabel(group.day)}
                </h2>
                {group.items.map((item) => (
                  <EntrySummary key={item.entry.id} item={item} onDelete={() => remove(item.entry.id)} />
                ))}
              </section>
            ))
          )}
          {found.length > shown && (
            <button type="button" class="button logbook__more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, found.length - shown)} more
            </button>
          )}
        </>
      )}
    </section>
  );
}

function draftHref(key: string): string {
  if (key.startsWith('edit:')) return paths.entry(key.slice(5));
  if (key.startsWith('new:card:')) return paths.newEntry(key.slice(9));
  return paths.newEntry();
}

function draftTitle(cardText: string | undefined, text: string): string {
  const words = (cardText ?? text ?? '').trim();
  if (!words) return 'Untitled draft';
  return words.length > 90 ? `${words.slice(0, 90)}…` : words;
}
