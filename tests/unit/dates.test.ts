import { describe, expect, it } from 'vitest';
import { dayLabel, formatDate, formatDay, instant, isCalendarDay, later, localDay, nextDay, shortDay, utc } from '../../src/domain/dates';

describe('dates', () => {
  it('knows a real calendar day from an impossible one', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDay(day), day).toBe(true);
    for (const day of ['2026-02-29', '1900-02-29', '2026-02-31', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '26-01-01', '2026-1-1', '']) {
      expect(isCalendarDay(day), day).toBe(false);
    }
  });

  it('compares and writes times as instants, whatever offset they were written with', () => {
    expect(instant('2026-03-02T09:00:00+14:00')).toBe(instant('2026-03-01T19:00:00Z'));
    expect(later('2026-03-02T09:00:00+14:00', '2026-03-02T00:00:00Z')).toBe('2026-03-02T00:00:00Z');
    expect(utc('2026-03-02T09:00:00+14:00')).toBe('2026-03-01T19:00:00.000Z');
  });

  it('writes days in British English', () => {
    expect(formatDate('2026-03-01')).toBe('1 March 2026');
    expect(shortDay('2026-03-01')).toBe('1 Mar 2026');
    expect(formatDay('2026-03-01')).toMatch(/^Sunday,? 1 March 2026$/);
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    const now = new Date(2026, 2, 5, 12);
    expect(dayLabel(localDay(now.toISOString()), now)).toBe('Today');
    expect(dayLabel('2026-03-04', now)).toBe('Yesterday');
  });
});
