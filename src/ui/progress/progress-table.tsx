import type { Point, Series } from '../../domain/checkins/progress';
import { formatDate } from '../../domain/dates';
import { changeText, pointText } from './progress-format';

/** The figures the charts draw, as a table: one row a series, one column a check-in, and the change. */
export function ProgressTable({ caption, series, rowHeader, cell = pointText }: { caption: string; series: Series[]; rowHeader: string; cell?: (point: Point, series: Series) => string }) {
  const dates = series[0]?.points ?? [];
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="progress-table" data-testid="progress-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {dates.map((p) => (
              <th scope="col" key={p.checkinId}>
                {formatDate(p.date)}
              </th>
            ))}
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.label}</th>
              {s.points.map((p) => (
                <td key={p.checkinId}>{cell(p, s)}</td>
              ))}
              <td>{changeText(s) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
