/**
 * Progress over time, for one community: how the ratings of each destination group and each
 * capability moved from check-in to check-in, and how many actions the logbook holds for each
 * capability. Pure: the Progress screen draws and tabulates what this computes.
 */
import type { Capability, DestinationGroup } from '../../content/schema';
import type { CheckinRecord, Rating, RatedPart } from '../records/checkin';
import type { EntryWithActions } from '../records/entry';
import { capabilityOf } from '../logbook/filters';

/** The scale as numbers; "not applicable" has none, and is left out of every average. */
export const RATING_SCORE: Partial<Record<Rating, number>> = { 'not-yet': 0, starting: 1, 'getting-there': 2, 'how-we-work': 3 };
export const MAX_SCORE = 3;

export interface Point {
  checkinId: string;
  date: string;
  /** The average of the scored ratings, 0 to MAX_SCORE; null when none was scored. */
  score: number | null;
  /** How many of the series' items were scored (rated, and not "not applicable"). */
  scored: number;
  of: number;
}

export interface Series {
  id: string;
  label: string;
  points: Point[];
}

const sameCommunity = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A community's check-ins of one deck, oldest first (by the day they describe, then when made). */
export function checkinsFor(checkins: readonly CheckinRecord[], community: string, deckId: string): CheckinRecord[] {
  return checkins
    .filter((c) => c.deleted === 0 && c.deckId === deckId && sameCommunity(c.community, community))
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
}

/** The communities check-ins were done for, the most recent first, each once. */
export function communitiesOf(checkins: readonly CheckinRecord[]): string[] {
  const sorted = checkins.filter((c) => c.deleted === 0).sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { community } of sorted) {
    const key = community.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(community.trim());
  }
  return out;
}

function pointOf(checkin: CheckinRecord, part: RatedPart, ids: readonly string[]): Point {
  const ratings = new Map(checkin[part].map((r) => [r.id, r.rating]));
  const scores = ids.flatMap((id) => {
    const rating = ratings.get(id);
    const score = rating === undefined ? undefined : RATING_SCORE[rating];
    return score === undefined ? [] : [score];
  });
  return {
    checkinId: checkin.id,
    date: checkin.date,
    score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    scored: scores.length,
    of: ids.length,
  };
}

/** For each group of the destination, its statements' average rating at each check-in. */
export function groupSeries(groups: readonly DestinationGroup[], checkins: readonly CheckinRecord[]): Series[] {
  return groups.map((group) => {
    const ids = group.statements.map((s) => s.id);
    return { id: group.id, label: group.name, points: checkins.map((c) => pointOf(c, 'statements', ids)) };
  });
}

/** For each capability, its rating at each check-in. */
export function capabilitySeries(capabilities: readonly Capability[], checkins: readonly CheckinRecord[]): Series[] {
  return capabilities.map((capability) => ({
    id: capability.id,
    label: `${capability.number}. ${capability.heading}`,
    points: checkins.map((c) => pointOf(c, 'capabilities', [capability.id])),
  }));
}

/** How a series moved from its first scored check-in to its last; undefined with fewer than two. */
export function changeOf(series: Series): { from: Point; to: Point; by: number } | undefined {
  const scored = series.points.filter((p) => p.score !== null);
  const from = scored[0];
  const to = scored[scored.length - 1];
  if (!from || !to || from === to) return undefined;
  return { from, to, by: to.score! - from.score! };
}

export interface ActionTally {
  capability: number;
  /** Live actions agreed in entries on this capability. */
  agreed: number;
  done: number;
}

/**
 * Actions agreed and done for each of a deck's capabilities, from logbook entries (an entry's
 * capability is its card's, or the one a free note names); with `community`, only entries for it.
 */
export function actionTallies(
  deckId: string,
  capabilities: readonly Capability[],
  items: readonly EntryWithActions[],
  community?: string,
): ActionTally[] {
  const tallies = new Map(capabilities.map((c) => [c.number, { capability: c.number, agreed: 0, done: 0 }]));
  for (const { entry, actions } of items) {
    if (entry.deleted || (entry.card && entry.card.deckId !== deckId)) continue;
    if (community !== undefined && !sameCommunity(entry.community, community)) continue;
    const number = capabilityOf({ entry, actions });
    const tally = number === undefined ? undefined : tallies.get(number);
    if (!tally) continue;
    for (const action of actions) {
      if (action.deleted) continue;
      tally.agreed++;
      if (action.status === 'done') tally.done++;
    }
  }
  return [...tallies.values()];
}
