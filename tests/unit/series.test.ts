import { describe, expect, it } from 'vitest';
import { sessionDefaults } from '../../src/domain/records/restore';
import type { SessionRecord } from '../../src/domain/records/session';
import { groupBySeries, nextSessionDraft, numberInSeries, titleInSeries } from '../../src/domain/sessions/series';

function session(id: string, date: string, series: string, extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    ...sessionDefaults(),
    id,
    createdAt: `${date}T09:00:00.000Z`,
    updatedAt: `${date}T09:00:00.000Z`,
    deleted: 0,
    kind: 'supervision',
    title: series || `Session ${id}`,
    date,
    participants: [],
    series,
    status: 'ended',
    ...extra,
  };
}

describe('a series of sessions', () => {
  const all = [
    session('a', '2026-01-10', 'Supervision with A.B.'),
    session('b', '2026-03-10', 'supervision with a.b. '),
    session('c', '2026-02-10', 'Team huddle'),
    session('d', '2026-02-20', ''),
    session('e', '2026-02-10', 'Supervision with A.B.'),
    session('gone', '2026-04-01', 'Supervision with A.B.', { deleted: 1 }),
  ];

  it('numbers sessions in calendar order, whatever the spelling of the series', () => {
    expect(all.filter((s) => s.deleted === 0 && s.series.toLowerCase().includes('a.b.')).map((s) => [s.id, numberInSeries(s, all)])).toEqual([
      ['a', 1],
      ['b', 3],
      ['e', 2],
    ]);
  });

  it('titles a session by its series and number, unless it has a title of its own', () => {
    expect(titleInSeries(all[4]!, 2)).toBe('Supervision with A.B. — session 2');
    expect(titleInSeries({ ...all[4]!, title: 'The March one' }, 2)).toBe('The March one');
    expect(titleInSeries(all[3]!, 1)).toBe('Session d');
  });

  it('groups the list by series, the most recently used first, newest session first, loose sessions last', () => {
    const groups = groupBySeries(all);
    expect(groups.map((g) => [g.series, g.sessions.map((s) => `${s.session.id}${s.number}`)])).toEqual([
      ['supervision with a.b.', ['b3', 'e2', 'a1']],
      ['Team huddle', ['c1']],
      ['', ['d1']],
    ]);
  });

  it('carries people, type and time to the next session, on the date agreed unless it has passed', () => {
    const last = session('x', '2026-03-01', 'S', {
      supervisor: { name: 'Sam', role: 'Manager' },
      supervisee: { name: 'Alex', role: 'Connector' },
      supervisionType: 'group',
      time: '10:00',
      participants: ['Sam', 'Alex'],
      nextDate: '2026-04-01',
    });
    const next = nextSessionDraft(last, '2026-03-15');
    expect(next).toMatchObject({ kind: 'supervision', title: '', series: 'S', date: '2026-04-01', time: '10:00', supervisionType: 'group' });
    expect(next.supervisee).toEqual({ name: 'Alex', role: 'Connector' });
    expect(next.participants).toEqual(['Sam', 'Alex']);
    expect(nextSessionDraft(last, '2026-05-01').date).toBe('2026-05-01');
  });
});
