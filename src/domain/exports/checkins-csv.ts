/**
 * Check-ins as a spreadsheet: a row for each statement or capability a check-in rated or noted,
 * with the statement's words, so the file reads on its own. Cells are made safe as in the
 * logbook CSV (no formulas).
 */
import type { Deck, Destination } from '../../content/schema';
import { evidenceOf, ratingOf, RATING_LABELS, type CheckinRecord, type RatedPart } from '../records/checkin';
import { csvCell } from './csv';

const HEADERS = ['Check-in ID', 'Date', 'Community', 'Deck', 'Session', 'Part', 'Item ID', 'Statement or capability', 'Rating', 'Evidence'];

const line = (cells: (string | number | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

export function checkinsCsv(
  checkins: readonly CheckinRecord[],
  deckOf: (deckId: string) => Deck,
  destinations: readonly Destination[],
  sessionTitles: ReadonlyMap<string, string>,
): string {
  let out = `\uFEFF${line(HEADERS)}`;
  const sorted = checkins.filter((c) => c.deleted === 0).sort((a, b) => a.community.localeCompare(b.community) || a.date.localeCompare(b.date));
  for (const checkin of sorted) {
    const deck = deckOf(checkin.deckId);
    const destination = destinations.find((d) => d.deckId === checkin.deckId);
    const session = checkin.sessionId ? (sessionTitles.get(checkin.sessionId) ?? checkin.sessionId) : '';
    const rowOf = (part: RatedPart, partName: string, id: string, text: string) => {
      const rating = ratingOf(checkin, part, id);
      const evidence = evidenceOf(checkin, part, id);
      if (!rating && !evidence) return '';
      return line([checkin.id, checkin.date, checkin.community, deck.title, session, partName, id, text, rating ? RATING_LABELS[rating] : '', evidence]);
    };
    for (const group of destination?.groups ?? []) for (const s of group.statements) out += rowOf('statements', group.name, s.id, s.text);
    for (const c of deck.capabilities) out += rowOf('capabilities', 'Capabilities', c.id, `${c.number}. ${c.heading}`);
  }
  return out;
}
