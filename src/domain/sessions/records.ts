/** A session: a supervision, a workshop or personal time with the deck, and what happened in it. */
import type { Tracked } from '../logbook/records';

export const SESSION_KINDS = ['supervision', 'workshop', 'personal'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const KIND_LABELS: Record<SessionKind, string> = {
  supervision: 'Supervision',
  workshop: 'Workshop',
  personal: 'Personal',
};

export type SessionStatus = 'active' | 'paused' | 'ended';

export interface DealtCard {
  deckId: string;
  cardId: string;
  /** ISO time it was first shown in the session. */
  at: string;
}

/** What a group said about one card (workshops). */
export interface CardNote {
  cardId: string;
  text: string;
}

export interface SessionRecord extends Tracked {
  kind: SessionKind;
  title: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  participants: string[];
  /** Sessions with the same series continue each other, e.g. "Supervision with A.B.". */
  series: string;
  status: SessionStatus;
  cards: DealtCard[];
  cardNotes: CardNote[];
  notes: string;
  endedAt?: string;
}

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

/** Earlier sessions of the same series, the most recent first. */
export function earlierInSeries(session: SessionRecord, all: readonly SessionRecord[]): SessionRecord[] {
  const key = seriesKey(session.series);
  if (!key) return [];
  return all
    .filter(
      (s) =>
        s.id !== session.id &&
        s.deleted === 0 &&
        seriesKey(s.series) === key &&
        (s.date < session.date || (s.date === session.date && s.createdAt < session.createdAt)),
    )
    .sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)));
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
