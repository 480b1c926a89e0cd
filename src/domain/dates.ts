/**
 * Every date and time the app reads, writes or shows. Two kinds of value: a calendar day
 * (YYYY-MM-DD, such as a due date, with no time zone) and an instant (an ISO 8601 timestamp,
 * stored in UTC). Labels are British English.
 */

const pad = (n: number) => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar day written as YYYY-MM-DD: 2026-02-31 is not one. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Milliseconds since 1970 of an ISO timestamp, whatever its offset; NaN if it is not one. */
export function instant(iso: string): number {
  return Date.parse(iso);
}

/** The same instant written in UTC (`2026-03-01T09:00:00.000Z`), so that text order is time order. */
export function utc(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

/** The later of two timestamps, compared as instants. */
export function later(a: string, b: string): string {
  return instant(b) > instant(a) ? b : a;
}

/** The earlier of two timestamps, compared as instants. */
export function earlier(a: string, b: string): string {
  return instant(b) < instant(a) ? b : a;
}

/** Local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function today(now = new Date()): string {
  return localDay(now.toISOString());
}

function parts(day: string): [number, number, number] | undefined {
  const [y, m, d] = day.split('-').map(Number);
  return y && m && d ? [y, m, d] : undefined;
}

// One shared formatter each: making one per call is slow across thousands of actions.
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function format(formatter: Intl.DateTimeFormat, day: string): string {
  const p = parts(day);
  return p ? formatter.format(new Date(Date.UTC(p[0], p[1] - 1, p[2]))) : day;
}

/** "1 March 2026". */
export const formatDate = (day: string): string => format(LONG, day);

/** "1 Mar 2026". */
export const shortDay = (day: string): string => format(SHORT, day);

/** "Sunday 1 March 2026". */
export const formatDay = (day: string): string => format(WEEKDAY, day);

/** "Today", "Yesterday" or the day in full. */
export function dayLabel(day: string, now = new Date()): string {
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === today(now)) return 'Today';
  if (day === today(yesterday)) return 'Yesterday';
  return formatDay(day);
}

/** "14:05", local time. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** "1 March 2026 at 14:05", local time. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

/** "1 March 2026", the local day of an instant. */
export function formatInstantDay(iso: string): string {
  return formatDate(localDay(iso));
}

/** The calendar day after `day`, as YYYY-MM-DD. */
export function nextDay(day: string): string {
  const p = parts(day);
  if (!p) return day;
  return new Date(Date.UTC(p[0], p[1] - 1, p[2] + 1)).toISOString().slice(0, 10);
}

/** Year-month-day-hourminute in local time, for file names. */
export function fileStamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}
