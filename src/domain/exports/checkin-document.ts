/**
 * A check-in as a notes document, so it prints, saves as a Word file and copies into an email
 * like the session notes: each destination statement verbatim with its rating and evidence,
 * then each capability, and where the statements come from.
 */
import type { Deck, Destination } from '../../content/schema';
import { formatDate } from '../dates';
import { evidenceOf, ratingOf, RATING_LABELS, RATINGS, type CheckinRecord, type RatedPart } from '../records/checkin';
import type { SessionRecord } from '../records/session';
import type { Block, Item, NotesDocument } from './notes-document';

export interface CheckinMade {
  /** The person making the document, from Settings; may be empty. */
  name: string;
  at: Date;
}

export const checkinTitle = (checkin: CheckinRecord) => `Where are we now? ${checkin.community.trim()}`;

function item(checkin: CheckinRecord, part: RatedPart, id: string, text: string): Item {
  const rating = ratingOf(checkin, part, id);
  const evidence = evidenceOf(checkin, part, id);
  return {
    strong: rating ? RATING_LABELS[rating] : 'Not rated',
    text,
    ...(evidence ? { details: [{ label: 'Evidence', text: evidence }] } : {}),
  };
}

export function checkinDocument(
  checkin: CheckinRecord,
  deck: Deck,
  destination: Destination | undefined,
  session: SessionRecord | undefined,
  made: CheckinMade,
): NotesDocument {
  const title = checkinTitle(checkin);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: title },
    {
      type: 'facts',
      items: [
        { label: 'Community', value: checkin.community },
        { label: 'Date', value: formatDate(checkin.date) },
        ...(session ? [{ label: 'Session', value: session.title }] : []),
      ],
    },
  ];
  if (destination) {
    blocks.push({ type: 'heading', level: 2, text: 'The destination' }, { type: 'note', text: destination.title });
    for (const group of destination.groups) {
      blocks.push(
        { type: 'heading', level: 3, text: group.name },
        { type: 'note', text: group.headline },
        { type: 'list', ordered: false, items: group.statements.map((s) => item(checkin, 'statements', s.id, s.text)) },
      );
    }
    const { source } = destination.about;
    blocks.push({
      type: 'note',
      text: `The destination statements are from “${source.title}”, ${source.publisher}${source.year ? `, ${source.year}` : ''}.`,
    });
  }
  blocks.push(
    { type: 'heading', level: 2, text: `The ${deck.capabilities.length} capabilities` },
    { type: 'list', ordered: false, items: deck.capabilities.map((c) => item(checkin, 'capabilities', c.id, `${c.number}. ${c.heading}`)) },
  );
  if (checkin.notes.trim()) blocks.push({ type: 'heading', level: 2, text: 'Notes' }, { type: 'text', text: checkin.notes });
  return {
    title,
    deck: deck.title,
    date: checkin.date,
    ...(made.name.trim() ? { madeBy: made.name.trim() } : {}),
    madeAt: made.at.toISOString(),
    blocks,
  };
}

/** A check-in in a session's notes: its community and day, and how many items got each rating. */
export function checkinItem(checkin: CheckinRecord): Item {
  const count = (part: RatedPart) => {
    const counts = RATINGS.map((r) => [RATING_LABELS[r], checkin[part].filter((x) => x.rating === r).length] as const).filter(([, n]) => n > 0);
    return counts.length ? counts.map(([label, n]) => `${label} ${n}`).join(', ') : 'None rated';
  };
  return {
    strong: checkin.community,
    text: formatDate(checkin.date),
    details: [
      { label: 'Destination statements', text: count('statements') },
      { label: 'Capabilities', text: count('capabilities') },
    ],
  };
}
