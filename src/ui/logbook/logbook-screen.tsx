import { useMemo, useRef, useState } from 'preact/hooks';
import {
  decksOf,
  distinct,
  groupByDay,
  groupsOf,
  isFiltering,
  matchesIndex,
  narrows,
  NO_FILTER,
  queryTerms,
  type IndexItem,
  type LogbookFilter,
} from '../../domain/logbook/filters';
import type { EntryWithActions } from '../../domain/records/entry';
import { DEFAULT_DECK } from '../../content/decks';
import { useDeck } from '../cards/use-deck';
import { useDealStore } from '../../state/deal-store';
import { deleteEntry, watchByIds, watchIndex, watchRecent } from '../../state/logbook';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { useLive } from '../shell/use-live';
import { BackupReminder } from './backup-reminder';
import { InstallHint } from '../install/install-hint';
import { DraftsNotice } from './drafts-notice';
import { dayLabel } from '../../domain/dates';
import { EntrySummary } from './entry-summary';
import { LogbookFilters } from './logbook-filters';
import '../styles/logbook.css';
import { ErrorMessage } from '../shell/error-message';
import { LogbookLoading } from './logbook-loading';

const PAGE = 50;

/**
 * The logbook, newest first. The first pages come straight from an indexed query; search and
 * filters run over a lean in-memory index loaded alongside, so years of entries stay quick.
 */
export function LogbookScreen() {
  const [filter, setFilter] = useState<LogbookFilter>(NO_FILTER);
  const dealt = useDealStore((s) => s.deckId);
  // The sections offered are those of the deck filtered by, or else of the deck being dealt.
  const deck = useDeck(filter.deck ?? dealt).deck ?? DEFAULT_DECK;
  const [shown, setShown] = useState(PAGE);
  const filtering = isFiltering(filter);

  const recent = useLive<EntryWithActions[]>((next, error) => watchRecent(shown, next, error), [shown], { keep: true });
  // The search index reads every entry: start it only once the first page is on screen.
  const firstPageShown = recent.value !== undefined;
  const index = useLive<IndexItem[]>(
    (next, error) => {
      if (!firstPageShown) return () => undefined;
      let stop = () => {};
      const timer = setTimeout(() => (stop = watchIndex(next, error)), 50);
      return () => (clearTimeout(timer), stop());
    },
    [firstPageShown],
  );

  const newestFirst = useMemo(
    () => (index.value ? [...index.value].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)) : undefined),
    [index.value],
  );
  const tags = useMemo(() => distinct((index.value ?? []).flatMap((i) => i.tags)), [index.value]);
  const cardDecks = useMemo(() => decksOf(index.value ?? []), [index.value]);
  const cardGroups = useMemo(() => groupsOf((index.value ?? []).filter((i) => !filter.deck || i.deck === filter.deck)), [index.value, filter.deck]);
  const lastSearch = useRef<{ from: IndexItem[]; filter: LogbookFilter; found: IndexItem[] } | null>(null);
  const found = useMemo((): IndexItem[] | undefined => {
    if (!filtering || !newestFirst) return undefined;
    const terms = queryTerms(filter.query);
    const last = lastSearch.current;
    // Typing on only narrows the last result, so each keystroke searches fewer entries.
    const pool = last && last.from === newestFirst && narrows(last.filter, filter) ? last.found : newestFirst;
    const result = pool.filter((item) => matchesIndex(item, filter, terms));
    lastSearch.current = { from: newestFirst, filter, found: result };
    return result;
  }, [newestFirst, filter, filtering]);
  const pageIds = useMemo(() => (found ? found.slice(0, shown).map((i) => i.id) : []), [found, shown]);
  const page = useLive<EntryWithActions[]>((next, error) => watchByIds(pageIds, next, error), [pageIds.join(',')], { keep: true });

  const items = filtering ? page.value : recent.value;
  const groups = useMemo(() => groupByDay(items ?? []), [items]);
  const total = index.value?.length;
  const matching = filtering ? found?.length : total;
  const error = recent.error ?? index.error ?? page.error;

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

      <ErrorMessage message={error} />

      <BackupReminder count={total ?? 0} />

      <DraftsNotice />

      {recent.value === undefined ? (
        <LogbookLoading />
      ) : recent.value.length === 0 && (!filtering || total === 0) ? (
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
          <LogbookFilters deck={deck} decks={cardDecks} groups={cardGroups} tags={tags} filter={filter} onChange={(f) => (setFilter(f), setShown(PAGE))} />
          <p class="logbook__count" role="status">
            {total === undefined
              ? filtering
                ? 'Searching…'
                : ''
              : filtering
                ? `${matching} of ${total} ${total === 1 ? 'entry' : 'entries'} match`
                : `${total} ${total === 1 ? 'entry' : 'entries'}`}
          </p>
          {filtering && found?.length === 0 ? (
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
          {(matching ?? 0) > shown && (
            <button type="button" class="button logbook__more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, (matching ?? 0) - shown)} more
            </button>
          )}
          <InstallHint count={total ?? 0} />
        </>
      )}
    </section>
  );
}
