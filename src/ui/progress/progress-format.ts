import { changeOf, type Point, type Series } from '../../domain/checkins/progress';
import { formatDate } from '../../domain/dates';

export const score = (value: number) => value.toFixed(1);

/** "Up 2.0 since 1 March 2026", "No change since…", or undefined with fewer than two scored check-ins. */
export function changeText(series: Series): string | undefined {
  const change = changeOf(series);
  if (!change) return undefined;
  const since = `since ${formatDate(change.from.date)}`;
  if (Math.abs(change.by) < 0.05) return `No change ${since}`;
  return `${change.by > 0 ? 'Up' : 'Down'} ${score(Math.abs(change.by))} ${since}`;
}

/** A point as words: "0.5 (2 of 6 rated)", or "Not rated". */
export function pointText(point: Point): string {
  if (point.score === null) return 'Not rated';
  return point.of > 1 ? `${score(point.score)} (${point.scored} of ${point.of} rated)` : score(point.score);
}
