/**
 * The logbook as CSV for spreadsheets: RFC 4180 (CRLF, every field quoted, quotes doubled),
 * UTF-8 with a byte-order mark so Excel reads it correctly, and cells that a spreadsheet would
 * run as formulas defused with a leading apostrophe.
 */
import { STATUS_LABELS, type ActionRecord, type EntryRecord, type EntryWithActions } from '../logbook/records';
import type { SessionRecord } from '../sessions/records';
import { localDay } from '../logbook/filters';

const HEADER = [
  'Entry ID',
  'Written',
  'Session',
  'Capability',
  'Capability heading',
  'Group',
  'Card ID',
  'Card',
  'Community',
  'What it looks like where we work',
  'Notes',
  'Tags',
  'Action ID',
  'Action',
  'Owner',
  'Due',
  'Status',
  'What happened',
  'What was learned',
  'Action updated',
];

/** A cell a spreadsheet would read as a formula (or DDE) starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  // Most cells hold no quote: skip the replace, a large part of a big export's time.
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

function row(cells: (string | number | undefined)[]): string {
  let out = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) out += `,${csvCell(cells[i])}`;
  return out;
}

const NO_ACTION = row(['', '', '', '', '', '', '', '']);

/** The byte-order mark and the header row: the start of every CSV file. */
export const CSV_HEAD = `\uFEFF${row(HEADER)}\r\n`;

/** The entry's cells, which start each of its rows. */
export function entryCsvCells(entry: EntryRecord, sessionTitle: string): string {
  return row([
    entry.id,
    localDay(entry.createdAt),
    sessionTitle,
    entry.card?.capabilityNumber ?? entry.capabilityNumber,
    entry.card?.capabilityHeading,
    entry.card?.groupName,
    entry.card?.cardId,
    entry.card?.text,
    entry.community,
    entry.reflection,
    entry.notes,
    entry.tags.join('; '),
  ]);
}

/** What follows the entry's cells on an action's row, up to and including the line end. */
export function actionCsvTail(action: ActionRecord): string {
  return `,${row([
    action.id,
    action.what,
    action.owner,
    action.due,
    STATUS_LABELS[action.status],
    action.followUp.happened,
    action.followUp.learned,
    action.updatedAt,
  ])}\r\n`;
}

/** The rest of the row of an entry with no actions. */
export const NO_ACTION_TAIL = `,${NO_ACTION}\r\n`;

/**
 * An entry's rows, each ending in CRLF: one per live action, or one with empty action cells.
 * The entry's cells are made once and repeated on each of its action rows.
 */
export function entryCsvRows({ entry, actions }: EntryWithActions, sessionTitle: string): string {
  const base = entryCsvCells(entry, sessionTitle);
  let rows = '';
  for (const action of actions) if (action.deleted === 0) rows += base + actionCsvTail(action);
  return rows || base + NO_ACTION_TAIL;
}

/** The session column: its title, or its id if the session is gone. */
export function sessionTitleOf(sessionId: string | undefined, titles: ReadonlyMap<string, string>): string {
  return sessionId ? (titles.get(sessionId) ?? sessionId) : '';
}

/** The file as a list of pieces, one per entry: a Blob is made from them without first joining them. */
export function logbookCsv(items: readonly EntryWithActions[], sessions: ReadonlyMap<string, SessionRecord> = new Map()): string[] {
  const titles = new Map([...sessions].map(([id, s]) => [id, s.title]));
  return [CSV_HEAD, ...items.map((item) => entryCsvRows(item, sessionTitleOf(item.entry.sessionId, titles)))];
}
