/**
 * The logbook as CSV for spreadsheets: RFC 4180 (CRLF, every field quoted, quotes doubled),
 * UTF-8 with a byte-order mark so Excel reads it correctly, and cells that a spreadsheet would
 * run as formulas defused with a leading apostrophe.
 */
import { STATUS_LABELS, type EntryWithActions } from '../logbook/records';
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
  return `"${text.replace(/"/g, '""')}"`;
}

function row(cells: (string | number | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

const NO_ACTION = row(['', '', '', '', '', '', '', '']);

/**
 * The file as a list of rows, each ending in CRLF: a Blob is made from the list without first
 * joining it into one very large string. An entry's cells are made once and repeated on each
 * of its action rows.
 */
export function logbookCsv(items: readonly EntryWithActions[], sessions: ReadonlyMap<string, SessionRecord> = new Map()): string[] {
  const rows = [`\uFEFF${row(HEADER)}\r\n`];
  for (const { entry, actions } of items) {
    const capability = entry.card?.capabilityNumber ?? entry.capabilityNumber;
    const base = row([
      entry.id,
      localDay(entry.createdAt),
      entry.sessionId ? (sessions.get(entry.sessionId)?.title ?? entry.sessionId) : '',
      capability,
      entry.card?.capabilityHeading,
      entry.card?.groupName,
      entry.card?.cardId,
      entry.card?.text,
      entry.community,
      entry.reflection,
      entry.notes,
      entry.tags.join('; '),
    ]);
    const live = actions.filter((a) => a.deleted === 0);
    if (live.length === 0) rows.push(`${base},${NO_ACTION}\r\n`);
    for (const action of live) {
      rows.push(
        `${base},${row([
          action.id,
          action.what,
          action.owner,
          action.due,
          STATUS_LABELS[action.status],
          action.followUp.happened,
          action.followUp.learned,
          action.updatedAt,
        ])}\r\n`,
      );
    }
  }
  return rows;
}
