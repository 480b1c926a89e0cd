/** Friendly labels for calendar days (YYYY-MM-DD), in British English. */
import { today } from '../../domain/logbook/filters';

export function dayLabel(day: string, now = new Date()): string {
  const todayKey = today(now);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === todayKey) return 'Today';
  if (day === today(yesterday)) return 'Yesterday';
  return formatDay(day);
}

export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

export function shortDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
