/** Finding entries and actions: the Logbook screen's filters and the Actions view's order. */
import type { ActionRecord, ActionStatus, EntryWithActions } from './records';

export interface LogbookFilter {
  query: string;
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
    filter.capability !== undefined ||
    !!filter.group ||
    !!filter.status ||
    !!filter.tag ||
    !!filter.from ||
    !!filter.to
  );
}

/** Local calendar date of an ISO timestamp, as YYYY-MM-DD. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function today(now = new Date()): string {
  return localDay(now.toISOString());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function capabilityOf({ entry }: EntryWithActions): number | undefined {
  return entry.card?.capabilityNumber ?? entry.capabilityNumber;
}

/** Every word of the query must appear somewhere in the entry's precomputed search text. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matches(item: EntryWithActions, filter: LogbookFilter, terms = queryTerms(filter.query)): boolean {
  const { entry, actions } = item;
  if (entry.deleted) return false;
  if (filter.capability !== undefined && capabilityOf(item) !== filter.capability) return false;
  if (filter.group && entry.card?.groupId !== filter.group) return false;
  if (filter.status && !actions.some((a) => a.deleted === 0 && a.status === filter.status)) return false;
  if (filter.tag) {
    const tag = filter.tag.toLowerCase();
    if (!entry.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  if (filter.from || filter.to) {
    const day = localDay(entry.createdAt);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
  }
  return terms.every((term) => entry.searchText.includes(term));
}

/** Newest first. */
export function byNewest(a: EntryWithActions, b: EntryWithActions): number {
  return a.entry.createdAt < b.entry.createdAt ? 1 : a.entry.createdAt > b.entry.createdAt ? -1 : 0;
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

/** Open actions: overdue first (oldest first), then by due date, then those with no date. */
export function sortOpenActions(actions: readonly ActionRecord[], day: string): ActionRecord[] {
  const rank = (a: ActionRecord) => (isOverdue(a, day) ? 0 : a.due ? 1 : 2);
  return actions
    .filter(isOpen)
    .sort((a, b) => rank(a) - rank(b) || a.due.localeCompare(b.due) || a.createdAt.localeCompare(b.createdAt));
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
