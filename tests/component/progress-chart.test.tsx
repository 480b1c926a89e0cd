import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Series } from '../../src/domain/checkins/progress';
import { LineChart } from '../../src/ui/progress/line-chart';
import { ProgressTable } from '../../src/ui/progress/progress-table';

const people: Series = {
  id: 'people',
  label: 'People',
  points: [
    { checkinId: 'A', date: '2026-03-01', score: 0.5, scored: 2, of: 6 },
    { checkinId: 'B', date: '2026-03-15', score: null, scored: 0, of: 6 },
    { checkinId: 'C', date: '2026-05-01', score: 2.5, scored: 2, of: 6 },
  ],
};

describe('the progress chart', () => {
  it('names itself and describes every value for screen readers, and places points by date and score', () => {
    const { container } = render(<LineChart series={people} />);
    const chart = screen.getByRole('img', { name: /People/ });
    expect(chart.getAttribute('aria-labelledby')?.split(' ')).toHaveLength(2);
    expect(container.querySelector('desc')?.textContent).toBe(
      '1 March 2026: 0.5 (2 of 6 rated); 1 May 2026: 2.5 (2 of 6 rated). Up 2.0 since 1 March 2026.',
    );
    expect(screen.getByText('Up 2.0 since 1 March 2026')).toBeTruthy();
    const circles = [...container.querySelectorAll('circle')];
    // The unrated check-in has no point, and breaks no line between two rated ones that are not next to each other.
    expect(circles).toHaveLength(2);
    expect(container.querySelectorAll('polyline')).toHaveLength(0);
    const [march, may] = circles.map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
    expect(may!.x).toBeGreaterThan(march!.x);
    expect(may!.y).toBeLessThan(march!.y);
    // No colours written into the markup: the stylesheet draws it in the theme's colours.
    expect(container.innerHTML).not.toMatch(/fill="#|stroke="#|style=/);
  });

  it('joins consecutive rated check-ins with a line', () => {
    const { container } = render(<LineChart series={{ ...people, points: [people.points[0]!, people.points[2]!] }} />);
    expect(container.querySelectorAll('polyline')).toHaveLength(1);
  });

  it('says when nothing is rated yet', () => {
    render(<LineChart series={{ ...people, points: [people.points[1]!] }} />);
    expect(screen.getAllByText('Not rated yet')).toHaveLength(1);
  });
});

describe('the progress table', () => {
  it('has a row per series, a column per check-in, and the change', () => {
    render(<ProgressTable caption="Groups" series={[people]} rowHeader="Group" />);
    const table = screen.getByRole('table', { name: 'Groups' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Group', '1 March 2026', '15 March 2026', '1 May 2026', 'Change']);
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0.5 (2 of 6 rated)', 'Not rated', '2.5 (2 of 6 rated)', 'Up 2.0 since 1 March 2026']);
  });
});
