import type { Deck } from '../../content/schema';
import { deckSummaries, deckSummary } from '../../domain/catalog';
import { isFiltering, NO_FILTER, type LogbookFilter } from '../../domain/logbook/filters';
import type { ActionStatus } from '../../domain/records/action';
import { CapabilityOptions, StatusOptions } from './select-options';
import { Field, inputValue } from './field';

interface Props {
  /** The deck whose sections are offered: the one filtered by, or else the one being dealt. */
  deck: Deck;
  /** The decks the logbook's cards came from. */
  decks: readonly string[];
  /** The groups the logbook's cards are for (of the deck filtered by, if any). */
  groups: readonly { id: string; name: string }[];
  tags: string[];
  filter: LogbookFilter;
  onChange: (filter: LogbookFilter) => void;
}


/** Search as you type, plus filters by deck, section, group, action status, tag and date range. */
export function LogbookFilters({ deck, decks, groups, tags, filter, onChange }: Props) {
  const listed = deckSummaries().map((d) => d.id);
  const rank = (id: string) => (listed.includes(id) ? listed.indexOf(id) : listed.length);
  const deckOptions = [...decks].sort((a, b) => rank(a) - rank(b));
  const set = (change: Partial<LogbookFilter>) => {
    const next: LogbookFilter = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof LogbookFilter)[]) {
      if (key !== 'query' && (next[key] === '' || next[key] === undefined)) delete next[key];
    }
    onChange(next);
  };
  return (
    <div class="filters" role="search">
      <Field label="Search your logbook" class="filters__search">
        {({ id }) => (
          <input id={id} type="search" value={filter.query} onInput={(e) => set({ query: inputValue(e) })} autocomplete="off" />
        )}
      </Field>
      <details class="filters__more disclosure" open={isFiltering({ ...filter, query: '' })}>
        <summary>Filters</summary>
        <div class="filters__grid">
          {(decks.length > 1 || filter.deck) && (
            <Field label="Deck">
              {({ id }) => (
                <select id={id} value={filter.deck ?? ''} onChange={(e) => set({ deck: inputValue(e) || undefined, capability: undefined, group: undefined })}>
                  <option value="">Any</option>
                  {deckOptions.map((d) => (
                    <option key={d} value={d}>
                      {deckSummary(d)?.title ?? 'A deck no longer in the app'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={deck.sectionName}>
            {({ id }) => (
              <select
                id={id}
                value={filter.capability === undefined ? '' : String(filter.capability)}
                onChange={(e) => set({ capability: inputValue(e) ? Number(inputValue(e)) : undefined })}
              >
                <option value="">Any</option>
                <CapabilityOptions deck={deck} />
              </select>
            )}
          </Field>
          <Field label="Group">
            {({ id }) => (
              <select id={id} value={filter.group ?? ''} onChange={(e) => set({ group: inputValue(e) || undefined })}>
                <option value="">Any</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Has an action that is">
            {({ id }) => (
              <select
                id={id}
                value={filter.status ?? ''}
                onChange={(e) => set({ status: (inputValue(e) || undefined) as ActionStatus | undefined })}
              >
                <option value="">Any</option>
                <StatusOptions />
              </select>
            )}
          </Field>
          <Field label="Tag">
            {({ id }) => (
              <select id={id} value={filter.tag ?? ''} onChange={(e) => set({ tag: inputValue(e) || undefined })}>
                <option value="">Any</option>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Written from">
            {({ id }) => <input id={id} type="date" value={filter.from ?? ''} onInput={(e) => set({ from: inputValue(e) || undefined })} />}
          </Field>
          <Field label="Written until">
            {({ id }) => <input id={id} type="date" value={filter.to ?? ''} onInput={(e) => set({ to: inputValue(e) || undefined })} />}
          </Field>
        </div>
        <button type="button" class="button button--small" onClick={() => onChange(NO_FILTER)} disabled={!isFiltering(filter)}>
          Clear search and filters
        </button>
      </details>
    </div>
  );
}
