/**
 * Open actions with a due date as an iCalendar file (RFC 5545): all-day events with a morning
 * reminder, so a phone's own calendar can nudge without push notifications.
 */
import { nextDay } from '../dates';
import { isOpen } from '../logbook/filters';
import type { ActionRecord } from '../records/action';
import type { EntryRecord } from '../records/entry';
import { snapshotSection, snapshotWords } from '../logbook/card-snapshot';

export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets of UTF-8, never splitting a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function compactDate(day: string): string {
  return day.replace(/-/g, '');
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function actionsIcs(items: readonly { action: ActionRecord; entry?: EntryRecord }[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Power Shifting//Logbook//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const { action, entry } of items) {
    // Only what is still to do belongs in a calendar: a done action with an alarm is noise.
    if (!action.due || !isOpen(action)) continue;
    const description = [
      action.owner ? `Who: ${action.owner}` : '',
      entry?.card ? `Card: ${snapshotWords(entry.card)} (${snapshotSection(entry.card).toLowerCase()})` : '',
      entry?.community ? `Community: ${entry.community}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${action.id}@power-shifting`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDate(action.due)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(action.due))}`,
      `SUMMARY:${icsText(`Action: ${action.what || 'Untitled action'}`)}`,
      ...(description ? [`DESCRIPTION:${icsText(description)}`] : []),
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsText(action.what || 'Action due')}`,
      'TRIGGER;RELATED=START:PT9H',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
