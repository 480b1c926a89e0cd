import { useId } from 'preact/hooks';
import type { Capability } from '../../content/schema';
import type { ActionTally } from '../../domain/checkins/progress';

const ROW = 26;
const LEFT = 40;
const WIDTH = 320;

/**
 * Actions agreed and done per capability for the chosen community, as bars (done drawn inside
 * agreed), with the same figures as a table for screen readers and for the whole logbook.
 */
export function ActionBars({ capabilities, community, all, communityName, asTable }: { capabilities: readonly Capability[]; community: ActionTally[]; all: ActionTally[]; communityName: string; asTable: boolean }) {
  const id = useId();
  const most = Math.max(1, ...community.map((t) => t.agreed));
  const heading = (n: number) => capabilities.find((c) => c.number === n)?.heading ?? '';
  const height = community.length * ROW + 8;
  if (asTable) {
    return (
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Actions per capability">
        <table class="progress-table" data-testid="actions-table">
          <caption>Actions in the logbook, by capability</caption>
          <thead>
            <tr>
              <th scope="col">Capability</th>
              <th scope="col">Agreed, {communityName}</th>
              <th scope="col">Done, {communityName}</th>
              <th scope="col">Agreed, whole logbook</th>
              <th scope="col">Done, whole logbook</th>
            </tr>
          </thead>
          <tbody>
            {community.map((t, i) => (
              <tr key={t.capability}>
                <th scope="row">
                  {t.capability}. {heading(t.capability)}
                </th>
                <td>{t.agreed}</td>
                <td>{t.done}</td>
                <td>{all[i]?.agreed ?? 0}</td>
                <td>{all[i]?.done ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const summary = community.map((t) => `${t.capability}: ${t.agreed} agreed, ${t.done} done`).join('; ');
  return (
    <figure class="chart chart--wide" data-testid="actions-chart">
      <figcaption class="chart__caption">
        <span class="chart__title">Actions agreed and done, {communityName}</span>
        <span class="chart__change">
          <span class="chart__key chart__key--agreed" aria-hidden="true" /> agreed <span class="chart__key chart__key--done" aria-hidden="true" /> done
        </span>
      </figcaption>
      <svg class="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>Actions agreed and done per capability, {communityName}</title>
        <desc id={`${id}-d`}>{summary}.</desc>
        {community.map((t, i) => {
          const y = i * ROW + 4;
          const scale = (n: number) => (n / most) * (WIDTH - LEFT - 40);
          return (
            <g key={t.capability}>
              <text class="chart__axis" x={LEFT - 8} y={y + ROW / 2 - 2} dy="0.32em" text-anchor="end">
                {t.capability}
              </text>
              <rect class="chart__bar chart__bar--agreed" x={LEFT} y={y} width={scale(t.agreed)} height={ROW - 8} />
              <rect class="chart__bar chart__bar--done" x={LEFT} y={y + 4} width={scale(t.done)} height={ROW - 16} />
              <text class="chart__axis" x={LEFT + scale(t.agreed) + 6} y={y + ROW / 2 - 2} dy="0.32em">
                {t.done}/{t.agreed}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
