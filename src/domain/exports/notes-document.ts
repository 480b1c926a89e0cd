/**
 * Notes as a document: built once from a session or the logbook, then rendered to files
 * (Markdown, Word: markdown.ts, docx.ts), to the clipboard (html.ts, plain-text.ts), to the
 * screen and to paper (ui/documents). Blocks say what a piece of the notes is, not how it looks.
 * Every user-written string stays plain text; each renderer escapes it for its format.
 */
import { deckSummary } from '../catalog';
import { formatDate, formatInstantDay, localDay } from '../dates';
import { liveActions } from '../logbook/compose';
import { reflectionParts } from '../logbook/templates';
import { ActionSchema, STATUS_LABELS, type ActionRecord } from '../records/action';
import { snapshotFor, snapshotSection, snapshotWords } from '../logbook/card-snapshot';
import { contentFields, shownValue, valueAt, type ContentField } from '../records/content-fields';
import { EntrySchema, type CardSnapshot, type EntryRecord, type EntryWithActions } from '../records/entry';
import type { CheckinRecord } from '../records/checkin';
import { KIND_LABELS, type SessionRecord } from '../records/session';
import { checkinItem } from './checkin-document';

/** One item of a list: `strong: text (aside)`, with labelled details under it. */
export interface Item {
  strong?: string;
  text: string;
  aside?: string;
  details?: { label: string; text: string }[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** Short facts, one a line: "Date: 1 March 2026". */
  | { type: 'facts'; items: { label: string; value: string }[] }
  /** Someone's writing, kept line for line, under its label. */
  | { type: 'text'; label?: string; text: string }
  /** A sentence of the app's own. */
  | { type: 'note'; text: string }
  | { type: 'list'; ordered: boolean; items: Item[] };

export interface NotesDocument {
  title: string;
  /** The deck the notes come from, named at the top of every page. */
  deck?: string;
  /** The day the notes are about (YYYY-MM-DD), shown beside the title at the top of every page. */
  date?: string;
  /** Who made the document, and when (an ISO timestamp): a line at its end. */
  madeBy?: string;
  madeAt?: string;
  blocks: Block[];
}

/** Text for one line, such as a heading: its line breaks become spaces. */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

/** What the top of each printed page says: the deck on the left, the title and day on the right. */
export function runningHeader(doc: NotesDocument): { left: string; right: string } {
  const title = oneLine(doc.title);
  return { left: oneLine(doc.deck ?? 'Power Shifting'), right: doc.date ? `${title}, ${formatDate(doc.date)}` : title };
}

/** "Made by Sam on 1 March 2026", "Made on 1 March 2026", "Made by Sam", or nothing. */
export function madeLine({ madeBy, madeAt }: NotesDocument): string | undefined {
  const by = madeBy?.trim() ? ` by ${madeBy.trim()}` : '';
  const on = madeAt ? ` on ${formatInstantDay(madeAt)}` : '';
  return by || on ? `Made${by}${on}.` : undefined;
}

export interface NotesOptions {
  /** The longer writing in entries: what it looks like where we work, notes. */
  reflections: boolean;
  /** Participants and who does each action. */
  names: boolean;
  /** The group's notes on each card and the session notes. */
  notes: boolean;
  followUps: boolean;
  /** Open actions from the previous session of the series. */
  review: boolean;
}

export const ALL_NOTES: NotesOptions = { reflections: true, names: true, notes: true, followUps: true, review: true };

export interface SessionBundle {
  session: SessionRecord;
  /** Its place in its series: 1 for the first. */
  number: number;
  /** The session before it in the series, if any: "last time". */
  previous?: SessionRecord;
  /** The session's cards, resolved against the deck; `undefined` where a card has left it. */
  cards: { cardId: string; card: CardSnapshot | undefined }[];
  entries: EntryWithActions[];
  /** Actions to review: those agreed last time, whatever came of them, and any still open from before. */
  review: { action: ActionRecord; entry: EntryRecord }[];
  /** Check-ins done in the session ("Where are we now?"). */
  checkins?: CheckinRecord[];
}

const ENTRY_FIELDS = contentFields(EntrySchema);
const ACTION_FIELDS = contentFields(ActionSchema);
const key = (field: ContentField) => field.path.join('.');

/** Fields the options leave out. */
function hiddenBy(options: NotesOptions): Set<string> {
  const hidden = new Set<string>();
  if (!options.names) hidden.add('owner');
  for (const field of ACTION_FIELDS) if (field.long && !options.followUps) hidden.add(key(field));
  for (const field of ENTRY_FIELDS) if (field.long && !options.reflections) hidden.add(key(field));
  return hidden;
}

function shown(field: ContentField, record: unknown): string {
  const value = valueAt(record, field.path);
  return field.kind === 'day' && typeof value === 'string' && value ? formatDate(value) : shownValue(field, value);
}

function actionItem(action: ActionRecord, hidden: Set<string>): Item {
  const facts = [STATUS_LABELS[action.status]];
  const details: Item['details'] = [];
  for (const field of ACTION_FIELDS) {
    const text = shown(field, action);
    if (hidden.has(key(field)) || field.path[0] === 'what' || field.path[0] === 'status' || !text.trim()) continue;
    if (field.long) details.push({ label: field.label, text });
    else facts.push(`${field.label}: ${text}`);
  }
  return { text: action.what.trim() || 'Untitled action', aside: facts.join(', '), ...(details.length ? { details } : {}) };
}

/**
 * An entry's own writing: short fields as facts, longer writing as paragraphs, the reflection
 * under its model's headings (What? So what? Now what?…).
 */
function entryBlocks(entry: EntryRecord, hidden: Set<string>, leading: { label: string; value: string }[] = []): Block[] {
  const facts = [...leading];
  const texts: Block[] = [];
  for (const field of ENTRY_FIELDS) {
    if (hidden.has(key(field))) continue;
    if (field.path[0] === 'reflection') {
      texts.push(...reflectionParts(entry).map((part): Block => ({ type: 'text', label: part.heading, text: part.text })));
      continue;
    }
    const text = shown(field, entry);
    if (!text.trim()) continue;
    if (field.long) texts.push({ type: 'text', label: field.label, text });
    else facts.push({ label: field.label, value: text });
  }
  return [...(facts.length ? [{ type: 'facts' as const, items: facts }] : []), ...texts];
}

/** What may be shown to others: private entries are left out, and the document says how many. */
export function sharedEntries(entries: readonly EntryWithActions[]): { shared: EntryWithActions[]; privateCount: number } {
  const shared = entries.filter((e) => !e.entry.private);
  return { shared, privateCount: entries.length - shared.length };
}

function cardItem({ cardId, card }: SessionBundle['cards'][number], note: string | undefined): Item {
  const details = note?.trim() ? [{ label: 'Group notes', text: note }] : [];
  const base = card
    ? { strong: `${snapshotSection(card)}: ${card.capabilityHeading}`, text: snapshotWords(card), ...(snapshotFor(card) ? { aside: snapshotFor(card) } : {}) }
    : { text: cardId, aside: 'card no longer in the deck' };
  return { ...base, ...(details.length ? { details } : {}) };
}

/** A session's notes; `now`, when given, is when they were made. */
export function sessionNotes(bundle: SessionBundle, options: NotesOptions = ALL_NOTES, now?: Date): NotesDocument {
  const { session } = bundle;
  const hidden = hiddenBy(options);
  const title = session.title.trim() || 'Session';
  const blocks: Block[] = [{ type: 'heading', level: 1, text: title }];
  const facts = [
    { label: 'Kind', value: KIND_LABELS[session.kind] },
    { label: 'Date', value: formatDate(session.date) },
    ...(session.series.trim() ? [{ label: 'Series', value: session.series }] : []),
    ...(options.names && session.participants.length ? [{ label: 'Participants', value: session.participants.join(', ') }] : []),
  ];
  blocks.push({ type: 'facts', items: facts });

  if (options.review && bundle.review.length) {
    blocks.push({ type: 'heading', level: 2, text: 'Actions from last time' });
    blocks.push({ type: 'list', ordered: false, items: bundle.review.map(({ action }) => actionItem(action, hidden)) });
  }

  blocks.push({ type: 'heading', level: 2, text: 'Cards discussed' });
  if (bundle.cards.length === 0) blocks.push({ type: 'note', text: 'No cards were dealt in this session.' });
  else {
    const note = (cardId: string) => (options.notes ? session.cardNotes.find((n) => n.cardId === cardId)?.text : undefined);
    blocks.push({ type: 'list', ordered: true, items: bundle.cards.map((c) => cardItem(c, note(c.cardId))) });
  }

  const { shared, privateCount } = sharedEntries(bundle.entries);
  if (shared.length) {
    blocks.push({ type: 'heading', level: 2, text: 'Reflections and actions' });
    for (const { entry, actions } of shared) {
      blocks.push({ type: 'heading', level: 3, text: entry.card ? snapshotWords(entry.card) : 'Note' });
      blocks.push(...entryBlocks(entry, hidden));
      const live = liveActions(actions);
      if (live.length) {
        blocks.push({ type: 'heading', level: 4, text: 'Actions' });
        blocks.push({ type: 'list', ordered: false, items: live.map((a) => actionItem(a, hidden)) });
      }
    }
  }
  if (privateCount) blocks.push({ type: 'note', text: `${privateCount} private ${privateCount === 1 ? 'entry is' : 'entries are'} left out.` });
  if (!shared.some((e) => liveActions(e.actions).length)) blocks.push({ type: 'note', text: 'No actions were agreed in this session.' });

  const checkins = (bundle.checkins ?? []).filter((c) => c.deleted === 0);
  if (checkins.length) {
    blocks.push({ type: 'heading', level: 2, text: 'Where are we now? Check-ins' });
    blocks.push({ type: 'list', ordered: false, items: checkins.map(checkinItem) });
  }
  if (options.notes && session.notes.trim()) {
    blocks.push({ type: 'heading', level: 2, text: 'Session notes' });
    blocks.push({ type: 'text', text: session.notes });
  }
  const decks = [...new Set(session.cards.map((c) => deckSummary(c.deckId)?.title ?? c.deckId))];
  return { title, ...(decks.length ? { deck: decks.join(', ') } : {}), date: session.date, ...(now ? { madeAt: now.toISOString() } : {}), blocks };
}

/** The whole logbook, newest first (as given), by the day each entry was written. */
export function logbookNotes(items: readonly EntryWithActions[], now: Date, checkins: readonly CheckinRecord[] = []): NotesDocument {
  const title = 'Power Shifting logbook';
  const blocks: Block[] = [{ type: 'heading', level: 1, text: title }];
  const hidden = hiddenBy(ALL_NOTES);
  let day = '';
  for (const { entry, actions } of items) {
    const written = localDay(entry.createdAt);
    if (written !== day) {
      day = written;
      blocks.push({ type: 'heading', level: 2, text: formatDate(day) });
    }
    const leading = entry.card
      ? [{ label: entry.card.sectionName ?? 'Capability', value: [entry.card.capabilityNumber, snapshotFor(entry.card)].filter(Boolean).join(', ') }]
      : entry.capabilityNumber
        ? [{ label: 'Capability', value: String(entry.capabilityNumber) }]
        : [];
    blocks.push({ type: 'heading', level: 3, text: entry.card ? snapshotWords(entry.card) : 'Note' });
    blocks.push(...entryBlocks(entry, hidden, leading));
    const live = liveActions(actions);
    if (live.length) blocks.push({ type: 'list', ordered: false, items: live.map((a) => actionItem(a, hidden)) });
  }
  const shown = checkins.filter((c) => c.deleted === 0).sort((a, b) => b.date.localeCompare(a.date));
  if (shown.length) {
    blocks.push({ type: 'heading', level: 2, text: 'Where are we now? Check-ins' });
    blocks.push({ type: 'list', ordered: false, items: shown.map(checkinItem) });
  }
  return { title, madeAt: now.toISOString(), blocks };
}
