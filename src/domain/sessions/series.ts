/** Sessions as people use them: their titles, and the series that link one session to the next. */
import { instant } from '../dates';
import { KIND_LABELS, type DealtCard, type SessionKind, type SessionRecord } from '../records/session';

/** What starting a session asks for. */
export interface SessionDraft {
  kind: SessionKind;
  title: string;
  date: string;
  participants: string[];
  series: string;
}

export function defaultTitle(kind: SessionKind, series: string, date: string): string {
  return series.trim() || `${KIND_LABELS[kind]} session, ${date}`;
}

/** Case-insensitive series key, so "Supervision with A.B." and "supervision with a.b." match. */
export function seriesKey(series: string): string {
  return series.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Sessions in calendar order; those on the same day in the order they were made. */
function compareSessions(a: SessionRecord, b: SessionRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return instant(a.createdAt) - instant(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Earlier sessions of the same series, the most recent first. */
export function earlierInSeries(session: SessionRecord, all: readonly SessionRecord[]): SessionRecord[] {
  const key = seriesKey(session.series);
  if (!key) return [];
  return all
    .filter((s) => s.id !== session.id && s.deleted === 0 && seriesKey(s.series) === key && compareSessions(s, session) < 0)
    .sort((a, b) => compareSessions(b, a));
}

/** The latest earlier session of the same series, if any. */
export function previousInSeries(session: SessionRecord, all: readonly SessionRecord[]): SessionRecord | undefined {
  return earlierInSeries(session, all)[0];
}

export function addDealtCard(session: SessionRecord, card: DealtCard): SessionRecord | undefined {
  if (session.cards.some((c) => c.cardId === card.cardId && c.deckId === card.deckId)) return undefined;
  return { ...session, cards: [...session.cards, card] };
}

export function setCardNote(session: SessionRecord, cardId: string, text: string): SessionRecord {
  const others = session.cardNotes.filter((n) => n.cardId !== cardId);
  return { ...session, cardNotes: text.trim() ? [...others, { cardId, text }] : others };
}
