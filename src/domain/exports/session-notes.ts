/** Session notes as Markdown: what a supervision pair or a workshop takes away. */
import { STATUS_LABELS, type ActionRecord, type CardSnapshot, type EntryRecord, type EntryWithActions } from '../logbook/records';
import { KIND_LABELS, type SessionRecord } from '../sessions/records';
import { mdInline, mdLines } from './markdown-text';

export interface NotesOptions {
  /** The "what does this look like where you work" text and entry notes. */
  reflections: boolean;
  /** Participants and action owners. */
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
  /** The session's cards, resolved against the deck; `undefined` where a card has left it. */
  cards: { cardId: string; card: CardSnapshot | undefined }[];
  entries: EntryWithActions[];
  /** Open actions carried over from the previous session of the series. */
  review: { action: ActionRecord; entry: EntryRecord }[];
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "1 March 2026". One shared formatter: making one per call is slow across thousands of actions. */
export function formatDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return LONG_DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

function cardLine(card: CardSnapshot | undefined, cardId: string): string {
  if (!card) return `${mdInline(cardId)} (card no longer in the deck)`;
  return `**Capability ${card.capabilityNumber}: ${mdInline(card.capabilityHeading)}**: ${mdInline(card.text)} (for ${mdInline(card.groupName.toLowerCase())})`;
}

function actionLines(action: ActionRecord, options: NotesOptions, indent: string): string[] {
  const parts = [STATUS_LABELS[action.status]];
  if (options.names && action.owner) parts.push(`owner: ${mdInline(action.owner)}`);
  if (action.due) parts.push(`due ${formatDate(action.due)}`);
  const lines = [`${indent}- ${mdInline(action.what) || 'Untitled action'} (${parts.join(', ')})`];
  if (options.followUps) {
    if (action.followUp.happened.trim()) lines.push(`${indent}  - What happened: ${mdLines(action.followUp.happened, `${indent}    `)}`);
    if (action.followUp.learned.trim()) lines.push(`${indent}  - What was learned: ${mdLines(action.followUp.learned, `${indent}    `)}`);
  }
  return lines;
}

export function sessionNotesMarkdown(bundle: SessionBundle, options: NotesOptions = ALL_NOTES): string {
  const { session } = bundle;
  const out: string[] = [`# ${mdInline(session.title) || 'Session'}`, ''];
  out.push(`- Kind: ${KIND_LABELS[session.kind]}`);
  out.push(`- Date: ${formatDate(session.date)}`);
  if (session.series.trim()) out.push(`- Series: ${mdInline(session.series)}`);
  if (options.names && session.participants.length) out.push(`- Participants: ${session.participants.map(mdInline).join(', ')}`);
  out.push('');

  if (options.review && bundle.review.length) {
    out.push('## Open actions from last time', '');
    for (const { action } of bundle.review) out.push(...actionLines(action, options, ''));
    out.push('');
  }

  out.push('## Cards discussed', '');
  if (bundle.cards.length === 0) out.push('No cards were dealt in this session.', '');
  bundle.cards.forEach(({ cardId, card }, i) => {
    out.push(`${i + 1}. ${cardLine(card, cardId)}`);
    const note = options.notes ? session.cardNotes.find((n) => n.cardId === cardId)?.text : undefined;
    if (note?.trim()) out.push(`   - Group notes: ${mdLines(note, '     ')}`);
  });
  if (bundle.cards.length) out.push('');

  const actions = bundle.entries.flatMap((e) => e.actions);
  if (bundle.entries.length) {
    out.push('## Reflections and actions', '');
    for (const { entry, actions: entryActions } of bundle.entries) {
      out.push(`### ${entry.card ? mdInline(entry.card.text) : 'Note'}`, '');
      if (entry.community.trim()) out.push(`- Community: ${mdInline(entry.community)}`);
      if (entry.tags.length) out.push(`- Tags: ${entry.tags.map(mdInline).join(', ')}`);
      if (entry.community.trim() || entry.tags.length) out.push('');
      if (options.reflections && entry.reflection.trim()) {
        out.push('What this looks like where we work:', '', mdLines(entry.reflection), '');
      }
      if (options.reflections && entry.notes.trim()) out.push('Notes:', '', mdLines(entry.notes), '');
      if (entryActions.length) {
        out.push('Actions:', '');
        for (const action of entryActions) out.push(...actionLines(action, options, ''));
        out.push('');
      }
    }
  }
  if (!actions.length) out.push('No actions were agreed in this session.', '');

  if (options.notes && session.notes.trim()) out.push('## Session notes', '', mdLines(session.notes), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
