/** File names that say what and when, safe on every operating system. */
import { fileStamp } from '../dates';
import { FORMATS } from './formats';

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'untitled'
  );
}

const session = (date: string, title: string) => `power-shifting-session-${date}-${slug(title)}`;

export const fileNames = {
  sessionNotes: (date: string, title: string, extension: string = FORMATS.markdown.extension) => `${session(date, title)}.${extension}`,
  sessionCsv: (date: string, title: string) => `${session(date, title)}.${FORMATS.spreadsheet.extension}`,
  sessionIcs: (date: string, title: string) => `${session(date, title)}-actions.${FORMATS.calendar.extension}`,
  logbookCsv: (now: Date) => `power-shifting-logbook-${fileStamp(now)}.${FORMATS.spreadsheet.extension}`,
  logbookMarkdown: (now: Date) => `power-shifting-logbook-${fileStamp(now)}.${FORMATS.markdown.extension}`,
  actionsIcs: (now: Date) => `power-shifting-actions-${fileStamp(now)}.${FORMATS.calendar.extension}`,
  actionIcs: (what: string) => `power-shifting-action-${slug(what)}.${FORMATS.calendar.extension}`,
  /** A record made for others (a supervision record, a CPD record), named by its title and day. */
  record: (title: string, date: string) => `power-shifting-${slug(title)}-${date}.${FORMATS.word.extension}`,
  checkinsCsv: (now: Date) => `power-shifting-check-ins-${fileStamp(now)}.${FORMATS.spreadsheet.extension}`,
  backup: (now: Date) => `power-shifting-backup-${fileStamp(now)}.${FORMATS.backup.extension}`,
};
