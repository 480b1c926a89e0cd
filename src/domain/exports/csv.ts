/**
 * The logbook as CSV for spreadsheets: RFC 4180 (CRLF, every field quoted, quotes doubled),
 * UTF-8 with a byte-order mark so Excel reads it correctly, and cells that a spreadsheet would
 * run as formulas defused with a leading apostrophe. The columns are one table of header and
 * getter; the fields people fill in come from the record schemas, so a new field gets a column.
 */
import { localDay } from '../dates';
import { liveActions } from '../logbook/compose';
import { reflectionParts, TEMPLATES } from '../logbook/templates';
import { ActionSchema, type ActionRecord } from '../records/action';
import { contentFields, shownValue } from '../records/content-fields';
import { EntrySchema, type EntryRecord, type EntryWithActions } from '../records/entry';
import type { SessionRecord } from '../records/session';

interface Column<T> {
  header: string;
  cell: (record: T, sessionTitle: string) => string | number | undefined;
}

/**
 * A column for each labelled field of a schema. The getter is made once per field, not looked
 * up per cell: a big export makes hundreds of thousands of rows.
 */
function fieldColumns<T>(schema: { entries: Record<string, unknown> }): Column<T>[] {
  return contentFields(schema).map((field) => {
    const [first = '', second] = field.path;
    const get =
      second === undefined
        ? (record: T) => (record as Record<string, unknown>)[first]
        : (record: T) => ((record as Record<string, Record<string, unknown> | undefined>)[first] ?? {})[second];
    const cell =
      field.kind === 'text' || field.kind === 'day'
        ? (record: T) => get(record) as string | undefined
        : (record: T) => shownValue(field, get(record), '; ');
    return { header: field.label, cell };
  });
}

const ENTRY_COLUMNS: Column<EntryRecord>[] = [
  { header: 'Entry ID', cell: (e) => e.id },
  { header: 'Written', cell: (e) => localDay(e.createdAt) },
  { header: 'Session', cell: (_, session) => session },
  { header: 'Capability', cell: (e) => e.card?.capabilityNumber ?? e.capabilityNumber },
  { header: 'Capability heading', cell: (e) => e.card?.capabilityHeading },
  { header: 'Group', cell: (e) => e.card?.groupName },
  { header: 'Card ID', cell: (e) => e.card?.cardId },
  { header: 'Card', cell: (e) => e.card?.text },
  { header: 'Own card', cell: (e) => (e.card?.own ? 'Yes' : '') },
  ...fieldColumns<EntryRecord>(EntrySchema),
  { header: 'Reflective model', cell: (e) => TEMPLATES[e.template]?.label },
  {
    header: 'Reflection by heading',
    cell: (e) => (TEMPLATES[e.template]?.prompts.length ? reflectionParts(e).map((p) => `${p.heading}: ${p.text}`).join('\n') : ''),
  },
  { header: 'Private', cell: (e) => (e.private ? 'Yes' : '') },
];

const ACTION_COLUMNS: Column<ActionRecord>[] = [
  { header: 'Action ID', cell: (a) => a.id },
  ...fieldColumns<ActionRecord>(ActionSchema),
  { header: 'Action updated', cell: (a) => a.updatedAt },
];

/** A cell a spreadsheet would read as a formula (or DDE) starts with one of these: = + - @ tab CR. */
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]);

export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  // A character code, not a regular expression: this runs for every cell of a big export.
  if (FORMULA_START.has(text.charCodeAt(0))) text = `'${text}`;
  // Most cells hold no quote: skip the replace, a large part of a big export's time.
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

function row(cells: (string | number | undefined)[]): string {
  let out = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) out += `,${csvCell(cells[i])}`;
  return out;
}

/** A record's cells in the columns' order, made straight into one string. */
function rowOf<T>(columns: readonly Column<T>[], record: T, sessionTitle: string): string {
  let out = csvCell(columns[0]!.cell(record, sessionTitle));
  for (let i = 1; i < columns.length; i++) out += `,${csvCell(columns[i]!.cell(record, sessionTitle))}`;
  return out;
}

/** The byte-order mark and the header row: the start of every CSV file. */
export const CSV_HEAD = `\uFEFF${row([...ENTRY_COLUMNS, ...ACTION_COLUMNS].map((c) => c.header))}\r\n`;

/** The entry's cells, which start each of its rows. */
export function entryCsvCells(entry: EntryRecord, sessionTitle: string): string {
  return rowOf(ENTRY_COLUMNS, entry, sessionTitle);
}

/** What follows the entry's cells on an action's row, up to and including the line end. */
export function actionCsvTail(action: ActionRecord): string {
  return `,${rowOf(ACTION_COLUMNS, action, '')}\r\n`;
}

/** The rest of the row of an entry with no actions. */
export const NO_ACTION_TAIL = `,${row(ACTION_COLUMNS.map(() => ''))}\r\n`;

/**
 * An entry's rows, each ending in CRLF: one per live action, or one with empty action cells.
 * The entry's cells are made once and repeated on each of its action rows.
 */
export function entryCsvRows({ entry, actions }: EntryWithActions, sessionTitle: string): string {
  const base = entryCsvCells(entry, sessionTitle);
  let rows = '';
  for (const action of liveActions(actions)) rows += base + actionCsvTail(action);
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
