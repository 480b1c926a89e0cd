/** Finding entries and actions: the Logbook screen's filters and the Actions view's order. */
import { searchTextOf } from './compose';
import { localDay } from '../dates';
import type { ActionRecord, ActionStatus } from '../records/action';
import type { EntryRecord, EntryWithActions } from '../records/entry';

export interface LogbookFilter {
  query: string;
  /** The deck the entry's card came from. */
  deck?: string;
  capability?: number;
  group?: string;
  status?: ActionStatus;
  tag?: string;
  /** Inclusive calendar dates, YYYY-MM-DD, compared with the day the entry was written. */
  from?: string;
  to?: string;
}

export const NO_FILTER: LogbookFilter = { query: '' };

export function isFiltering(filter: LogbookFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    !!filter.deck ||
    filter.capability !== undefined ||
    !!filter.group ||
    !!filter.status ||
    !!filter.tag ||
    !!filter.from ||
    !!filter.to
  );
}

export function capabilityOf({ entry }: EntryWithActions): number | undefined {
  return entry.card?.capabilityNumber ?? entry.capabilityNumber;
}

/** Every word of the query must appear somewhere in the entry's precomputed search text. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * True when every entry matching `next` also matches `previous`: the same filters, and each
 * earlier search word still inside one of the new ones (the user typed on). Searching the
 * previous result is then enough.
 */
export function narrows(previous: LogbookFilter, next: LogbookFilter): boolean {
  const keys = ['deck', 'capability', 'group', 'status', 'tag', 'from', 'to'] as const;
  if (keys.some((key) => (previous[key] || undefined) !== (next[key] || undefined))) return false;
  const terms = queryTerms(next.query);
  return queryTerms(previous.query).every((old) => terms.some((term) => term.includes(old)));
}

const STATUS_BITS: Record<ActionStatus, number> = { planned: 1, doing: 2, done: 4, dropped: 8 };

/**
 * What filtering and search need of one entry, and nothing more: a logbook of 50,000 entries
 * is searched in memory through these, not through the full records.
 */
export interface IndexItem {
  id: string;
  createdAt: string;
  day: string;
  /** The deck of the entry's card, and the card's group as that deck names it. */
  deck?: string;
  capability?: number;
  group?: string;
  groupName?: string;
  community: string;
  tags: string[];
  /** Bit set of the statuses of its live actions. */
  statuses: number;
  searchText: string;
}

/** `actions` may include tombstones: only live actions count. */
export function indexItem(entry: EntryRecord, actions: readonly ActionRecord[]): IndexItem {
  const capability = entry.card?.capabilityNumber ?? entry.capabilityNumber;
  const live = actions.filter((a) => a.deleted === 0);
  let statuses = 0;
  for (const a of live) statuses |= STATUS_BITS[a.status];
  return {
    id: entry.id,
    createdAt: entry.createdAt,
    day: localDay(entry.createdAt),
    ...(capability !== undefined ? { capability } : {}),
    ...(entry.card ? { deck: entry.card.deckId, group: entry.card.groupId } : {}),
    ...(entry.card?.groupId ? { groupName: entry.card.groupName } : {}),
    community: entry.community,
    tags: entry.tags,
    statuses,
    searchText: searchTextOf(entry, live),
  };
}

export function matchesIndex(item: IndexItem, filter: LogbookFilter, terms = queryTerms(filter.query)): boolean {
  if (filter.deck && item.deck !== filter.deck) return false;
  if (filter.capability !== undefined && item.capability !== filter.capability) return false;
  if (filter.group && item.group !== filter.group) return false;
  if (filter.status && !(item.statuses & STATUS_BITS[filter.status])) return false;
  if (filter.tag) {
    const tag = filter.tag.toLowerCase();
    if (!item.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  if (filter.from && item.day < filter.from) return false;
  if (filter.to && item.day > filter.to) return false;
  for (const term of terms) if (!item.searchText.includes(term)) return false;
  return true;
}

export function matches(item: EntryWithActions, filter: LogbookFilter, terms = queryTerms(filter.query)): boolean {
  return item.entry.deleted === 0 && matchesIndex(indexItem(item.entry, item.actions), filter, terms);
}

/** The groups of people the cards of these entries are for, each once, as their decks name them. */
export function groupsOf(items: readonly IndexItem[]): { id: string; name: string }[] {
  const groups = new Map<string, string>();
  for (const item of items) if (item.group && item.groupName && !groups.has(item.group)) groups.set(item.group, item.groupName);
  return [...groups].map(([id, name]) => ({ id, name }));
}

/** The decks the entries' cards came from, each once, in the order first met. */
export function decksOf(items: readonly IndexItem[]): string[] {
  return [...new Set(items.flatMap((i) => (i.deck ? [i.deck] : [])))];
}

/** Newest first; entries written in the same millisecond by id, so the order is the same everywhere. */
export function byNewest(a: EntryWithActions, b: EntryWithActions): number {
  const x = a.entry;
  const y = b.entry;
  return x.createdAt !== y.createdAt ? (x.createdAt < y.createdAt ? 1 : -1) : x.id < y.id ? 1 : x.id > y.id ? -1 : 0;
}

export interface DayGroup {
  day: string;
  items: EntryWithActions[];
}

/** Groups entries (already newest first) by the local day they were written. */
export function groupByDay(items: readonly EntryWithActions[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = localDay(item.entry.createdAt);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

export function isOpen(action: ActionRecord): boolean {
  return action.deleted === 0 && (action.status === 'planned' || action.status === 'doing');
}

export function isOverdue(action: ActionRecord, day: string): boolean {
  return isOpen(action) && action.due !== '' && action.due < day;
}

/** Sorts after every date: actions with no due date come last. */
const NO_DUE = '~';

export type OpenActionKey = [due: string, createdAt: string, id: string];

/**
 * Where an open action sits in the Actions view: by due date (so overdue first, oldest first),
 * those with no date last, then oldest written. Storage indexes this key, so the view can read
 * one page of a big logbook in order.
 */
export function openActionKey(action: ActionRecord): OpenActionKey {
  return [action.due || NO_DUE, action.createdAt, action.id];
}

/** The key below which every open action is overdue on that day. */
export function overdueBefore(day: string): [string] {
  return [day];
}

/** The key below which every open action has a due date. */
export const DATED_BEFORE: [string] = [NO_DUE];

function compareKeys(a: OpenActionKey, b: OpenActionKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A page of the Actions view. */
export interface OpenActionsPage {
  items: { action: ActionRecord; entry: EntryRecord }[];
  /** Open actions in the whole logbook. */
  total: number;
  overdue: number;
  /** Open actions with a due date, which a calendar file can hold. */
  dated: number;
}

/** Open actions in the Actions view's order. */
export function sortOpenActions(actions: readonly ActionRecord[]): ActionRecord[] {
  return actions
    .filter(isOpen)
    .map((action) => ({ action, key: openActionKey(action) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ action }) => action);
}

/** Distinct values in first-seen order, case-insensitively (for "communities defined before"). */
export function distinct(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const v = value.trim();
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}
