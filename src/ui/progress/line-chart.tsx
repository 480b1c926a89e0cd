import { useId } from 'preact/hooks';
import { MAX_SCORE, type Point, type Series } from '../../domain/checkins/progress';
import { formatDate, shortDay } from '../../domain/dates';
import { changeText, pointText } from './progress-format';

const WIDTH = 320;
const HEIGHT = 170;
const LEFT = 104;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 30;
const SCALE = ['Not yet', 'Starting', 'Getting there', 'How we work'];

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Where each check-in sits across the chart: by its date, so a gap of months looks like one. */
function xOf(points: readonly Point[]): (point: Point) => number {
  const days = points.map((p) => dayNumber(p.date));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const inner = WIDTH - LEFT - RIGHT;
  return (point) => (span === 0 ? LEFT + inner / 2 : LEFT + ((dayNumber(point.date) - first) / span) * inner);
}

const yOf = (score: number) => TOP + (1 - score / MAX_SCORE) * (HEIGHT - TOP - BOTTOM);

/** Runs of consecutive scored points: a check-in that did not rate the series breaks the line. */
function runs(points: readonly Point[]): Point[][] {
  const out: Point[][] = [[]];
  for (const point of points) {
    if (point.score === null) out.push([]);
    else out[out.length - 1]!.push(point);
  }
  return out.filter((run) => run.length > 1);
}

/**
 * One series over the check-ins as a small line chart, drawn in the text colour so it reads in
 * dark mode and in print. Screen readers get its title and a description with every value; the
 * table beside it holds the same figures.
 */
export function LineChart({ series }: { series: Series }) {
  const id = useId();
  const x = xOf(series.points);
  const change = changeText(series);
  const scored = series.points.filter((p) => p.score !== null);
  const description = scored.length
    ? `${scored.map((p) => `${formatDate(p.date)}: ${pointText(p)}`).join('; ')}.${change ? ` ${change}.` : ''}`
    : 'Not rated yet.';
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  return (
    <figure class="chart" data-testid={`chart-${series.id}`}>
      <figcaption class="chart__caption">
        <span class="chart__title">{series.label}</span>
        <span class="chart__change">{change ?? (scored.length ? 'One check-in so far' : 'Not rated yet')}</span>
      </figcaption>
      <svg class="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{series.label}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {SCALE.map((label, score) => (
          <g key={label} class="chart__grid">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(score)} y2={yOf(score)} />
            <text x={LEFT - 6} y={yOf(score)} dy="0.32em" text-anchor="end">
              {label}
            </text>
          </g>
        ))}
        {first && (
          <text class="chart__axis" x={x(first)} y={HEIGHT - 8} text-anchor={first === last ? 'middle' : 'start'}>
            {shortDay(first.date)}
          </text>
        )}
        {last && last !== first && (
          <text class="chart__axis" x={x(last)} y={HEIGHT - 8} text-anchor="end">
            {shortDay(last.date)}
          </text>
        )}
        {runs(series.points).map((run) => (
          <polyline key={run[0]!.checkinId} class="chart__line" points={run.map((p) => `${x(p)},${yOf(p.score!)}`).join(' ')} />
        ))}
        {scored.map((p) => (
          <circle key={p.checkinId} class="chart__point" cx={x(p)} cy={yOf(p.score!)} r={4.5} data-date={p.date} data-score={p.score!.toFixed(1)}>
            <title>{`${formatDate(p.date)}: ${pointText(p)}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
